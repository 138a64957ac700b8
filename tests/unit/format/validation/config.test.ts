/**
 * network.yaml through validateNetwork: missing, not UTF-8 or broken YAML, its fields against the
 * schema and its scope against the region data (src/format/validation/config.ts).
 */
import { describe, expect, it } from 'vitest';
import { msg } from '../../../../src/format/messages.ts';
import { errorsOf, file, KIM_MD, NETWORK_PATH, NETWORK_YAML, validate, validKim } from '../../../helpers/validate-network.ts';

describe('validateNetwork on valid content', () => {
  it('accepts a network.yaml saved with a byte-order mark and Windows line endings', () => {
    const result = validate({ network: `\uFEFF${NETWORK_YAML.replace(/\n/g, '\r\n')}`, files: [validKim()] });
    expect(result.ok).toBe(true);
  });
});

describe('validateNetwork region checks', () => {
  it('rejects a scope code that does not exist', () => {
    const network = NETWORK_YAML.replace('- "64.74"', '- "64.74"\n  - "64.99"');
    expect(errorsOf(validate({ network, files: [] }))).toEqual([
      { file: NETWORK_PATH, field: 'scope[1]', message: msg.scopeUnknown('64.99') },
    ]);
  });

  it('reports the first scope entry as scope[0]', () => {
    const network = NETWORK_YAML.replace('"64.74"', '"65.74"');
    expect(errorsOf(validate({ network, files: [] }))).toEqual([
      { file: NETWORK_PATH, field: 'scope[0]', message: msg.scopeUnknown('65.74') },
    ]);
  });

  it('rejects a village code in the scope', () => {
    const network = NETWORK_YAML.replace('"64.74"', '"64.74.01.1001"');
    expect(errorsOf(validate({ network, files: [] }))).toEqual([{ file: NETWORK_PATH, field: 'scope[0]', message: msg.scopeCode }]);
  });

  it('accepts the national scope and then any existing village', () => {
    const network = NETWORK_YAML.replace('"64.74"', 'ID');
    const kim = file('kim', 'kim-batu-sopang.md', KIM_MD.replace('64.74.01.1001', '64.01.01.2001'));
    expect(validate({ network, files: [kim] }).ok).toBe(true);
  });
});

describe('validateNetwork and network.yaml', () => {
  it('reports a missing network.yaml', () => {
    expect(errorsOf(validate({ network: null, files: [] }))).toEqual([{ file: NETWORK_PATH, field: null, message: msg.configMissing }]);
  });

  it('still checks every entry file when network.yaml is missing', () => {
    const errors = errorsOf(validate({ network: null, files: [file('kim', 'Kim Rusak.md', KIM_MD)] }));
    expect(errors).toEqual([
      { file: NETWORK_PATH, field: null, message: msg.configMissing },
      { file: 'content/kim/Kim Rusak.md', field: null, message: msg.fileName('Kim Rusak') },
    ]);
  });

  it('reports broken YAML in network.yaml in Indonesian, with its line', () => {
    const [error, ...rest] = errorsOf(validate({ network: 'name: "Jaringan\nscope: [', files: [] }));
    expect(rest).toEqual([]);
    expect(error).toMatchObject({ file: NETWORK_PATH, field: null, line: 3 });
    expect(error!.message).toBe(
      'YAML tidak dapat dibaca: tanda kutip ganda (") dibuka tetapi tidak ditutup. Periksa titik dua, tanda kutip dan indentasi di sekitar baris itu.',
    );
  });

  it('names the key written twice in network.yaml', () => {
    const [error] = errorsOf(validate({ network: `${NETWORK_YAML}name: Lagi\n`, files: [] }));
    expect(error).toMatchObject({ line: 6, message: 'YAML tidak dapat dibaca: kolom "name" ditulis dua kali; hapus salah satunya.' });
  });

  it('says to quote a scope code that YAML read as a number', () => {
    const [error, ...rest] = errorsOf(validate({ network: NETWORK_YAML.replace('- "64.74"', '- 64.74'), files: [] }));
    expect(rest).toEqual([]);
    expect(error).toEqual({ file: NETWORK_PATH, field: 'scope[0]', message: msg.codeNeedsQuotes });
  });

  it('reports a network.yaml that is not UTF-8', () => {
    const [error, ...rest] = errorsOf(validate({ network: new Uint8Array([0xff, 0xfe, 0x00]), files: [] }));
    expect(rest).toEqual([]);
    expect(error).toEqual({ file: NETWORK_PATH, field: null, message: msg.readFailed('bukan teks UTF-8') });
  });

  it('reports every required field of an empty network.yaml', () => {
    const errors = errorsOf(validate({ network: '', files: [] }));
    expect(errors.map((e) => e.field).sort()).toEqual(['description', 'name', 'scope', 'site']);
    for (const error of errors) expect(error).toMatchObject({ file: NETWORK_PATH, message: msg.required });
  });

  it('reports an unknown key in network.yaml', () => {
    const errors = errorsOf(validate({ network: `${NETWORK_YAML}cakupan: ["64"]\n`, files: [] }));
    expect(errors).toEqual([{ file: NETWORK_PATH, field: 'cakupan', message: msg.unknownKey('cakupan') }]);
  });
});
