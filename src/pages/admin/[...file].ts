import type { APIRoute, GetStaticPaths } from 'astro';
import { CMS_FILES } from '../../build/cms-files.ts';
import { buildsNetworkWide } from '../../site/network.ts';

// A sharded build makes the CMS once, in the network shard, whose region tree is the whole scope.
export const getStaticPaths = (() => (buildsNetworkWide ? Object.keys(CMS_FILES).map((file) => ({ params: { file } })) : [])) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { body, type } = await CMS_FILES[params.file!]!();
  return new Response(typeof body === 'string' ? body : new Uint8Array(body), { headers: { 'Content-Type': type } });
};
