/**
 * Whom a reader of a place's page can contact. A place page must always lead to someone: the
 * place itself, else the KIM that keeps information about its village, else the organisation
 * that runs the network. A KIM without public contacts still beats nothing when the network has
 * no reachable operator, because its page says who its members are and where they meet.
 */

/** Contacts as the schemas keep them: each channel optional. */
export type ContactChannels = Readonly<Record<string, string | undefined>>;

export interface ContactParty {
  contacts: ContactChannels;
}

export interface KimParty extends ContactParty {
  id: string;
  name: string;
}

export interface OperatorParty extends ContactParty {
  name: string;
  url?: string | undefined;
}

export type ContactRoute<K extends KimParty = KimParty, O extends OperatorParty = OperatorParty> =
  /** The place lists its own contacts. */
  | { step: 'place' }
  /** The place lists none; its KIM does. */
  | { step: 'kim'; kim: K }
  /** Neither lists any; the network's operator can be reached. `kim` is named so the page can say it was tried. */
  | { step: 'operator'; operator: O; kim: K | undefined }
  /** Nobody lists a contact, but a KIM keeps the place: its page is the best lead there is. */
  | { step: 'kim-page'; kim: K }
  /** Nobody at all: the page says so plainly. */
  | { step: 'none' };

/** True when at least one channel is filled in. */
export function hasContacts(contacts: ContactChannels): boolean {
  return Object.values(contacts).some((value) => typeof value === 'string' && value.length > 0);
}

/** Whether the operator can be reached: a contact channel or at least a website. */
const reachable = (operator: OperatorParty) => hasContacts(operator.contacts) || Boolean(operator.url);

/**
 * The first party along place → KIM → operator that lists a way to reach it. `kim` is the KIM
 * that keeps the place (or, when the place names none, a KIM of its village); `operator` the
 * network's operator from `network.yaml`, if it names one.
 */
export function contactRoute<K extends KimParty, O extends OperatorParty>(input: {
  place: ContactParty;
  kim: K | undefined;
  operator: O | undefined;
}): ContactRoute<K, O> {
  const { place, kim, operator } = input;
  if (hasContacts(place.contacts)) return { step: 'place' };
  if (kim && hasContacts(kim.contacts)) return { step: 'kim', kim };
  if (operator && reachable(operator)) return { step: 'operator', operator, kim };
  if (kim) return { step: 'kim-page', kim };
  return { step: 'none' };
}
