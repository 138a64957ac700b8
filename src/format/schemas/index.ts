/** The content format, in one place: the build, the validator and (later) the CMS all read it. */
export { kimSchema, type KimData } from './kim.ts';
export { storySchema, type StoryData } from './story.ts';
export { placeSchema, type PlaceData } from './place.ts';
export { networkSchema, type BuildConfig, type NetworkConfig, type SocialCardMode } from './network.ts';
export { contentLayerImageContext, pathImageContext } from './common.ts';

/** The content collections and the folder each lives in under `content/`. */
export const COLLECTIONS = {
  kim: { folder: 'kim' },
  stories: { folder: 'stories' },
  places: { folder: 'places' },
} as const;
export type CollectionName = keyof typeof COLLECTIONS;
