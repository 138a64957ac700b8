import { describe, expect, it } from 'vitest';
import { contactRoute, hasContacts } from '../../../src/domain/contact-route.ts';

const withPhone = { whatsapp: '6281234567890' };
const kim = (contacts = {}) => ({ id: 'kim-batuah', name: 'KIM Batuah', contacts });
const operator = (contacts = {}, url?: string) => ({ name: 'Diskominfo Kabupaten Kutai Kartanegara', contacts, url });

describe('hasContacts', () => {
  it('needs at least one filled-in channel', () => {
    expect(hasContacts({})).toBe(false);
    expect(hasContacts({ whatsapp: undefined, email: '' })).toBe(false);
    expect(hasContacts({ email: 'kim@contoh.id' })).toBe(true);
  });
});

describe('contactRoute', () => {
  it('sends the reader to the place itself when it lists a contact', () => {
    expect(contactRoute({ place: { contacts: withPhone }, kim: kim(withPhone), operator: operator(withPhone) })).toEqual({ step: 'place' });
  });

  it('falls back to the KIM when the place lists none and the KIM does', () => {
    const keeper = kim(withPhone);
    expect(contactRoute({ place: { contacts: {} }, kim: keeper, operator: operator(withPhone) })).toEqual({ step: 'kim', kim: keeper });
  });

  it('falls back to the operator when neither the place nor its KIM lists a contact, naming the KIM it passed', () => {
    const keeper = kim();
    const runner = operator({ email: 'kominfo@contoh.go.id' });
    expect(contactRoute({ place: { contacts: {} }, kim: keeper, operator: runner })).toEqual({ step: 'operator', operator: runner, kim: keeper });
  });

  it('falls back to the operator for a place no KIM keeps', () => {
    const runner = operator({}, 'https://diskominfo.contoh.go.id');
    expect(contactRoute({ place: { contacts: {} }, kim: undefined, operator: runner })).toEqual({ step: 'operator', operator: runner, kim: undefined });
  });

  it('skips an operator that lists neither a contact nor a website', () => {
    const keeper = kim();
    expect(contactRoute({ place: { contacts: {} }, kim: keeper, operator: operator() })).toEqual({ step: 'kim-page', kim: keeper });
  });

  it('leads to the KIM page when nobody lists a contact but a KIM keeps the place', () => {
    const keeper = kim();
    expect(contactRoute({ place: { contacts: {} }, kim: keeper, operator: undefined })).toEqual({ step: 'kim-page', kim: keeper });
  });

  it('says there is nobody only when there is no KIM and no reachable operator', () => {
    expect(contactRoute({ place: { contacts: {} }, kim: undefined, operator: undefined })).toEqual({ step: 'none' });
  });
});
