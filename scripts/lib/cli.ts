import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

/**
 * Reads a command's arguments as tools do: `--help` prints the usage and exits 0; an unknown
 * option or too many folders prints the problem and the usage and exits 2.
 */
export function readArguments<T extends ParseArgsOptionsConfig>(usage: string, options: T, maxPositionals = 1) {
  try {
    const args = parseArgs({ options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
    if ((args.values as { help?: boolean }).help) {
      console.log(usage);
      return process.exit(0);
    }
    if (args.positionals.length <= maxPositionals) return args;
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    const option = /'([^']+)'/.exec(message)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') console.error(`Opsi tidak dikenal: ${option}. Lihat --help.`);
    else if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') console.error(`Nilai opsi tidak valid: ${option ?? message}. Lihat --help.`);
    else console.error(message);
    return process.exit(2);
  }
  console.error('Terlalu banyak folder. Lihat --help.');
  return process.exit(2);
}
