/**
 * The workflow commands a GitHub Actions runner would read from a log, by its rules: a command is
 * a line starting (after spaces) with `::`, its data runs to the end of the line, values are
 * %-escaped, and `::stop-commands::<token>` switches commands off until the line `::<token>::`.
 */
interface Command {
  name: string;
  properties: Record<string, string>;
  data: string;
}

const unescape = (text: string) => text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');

/** Every command the runner would act on, in log order. */
export function readCommands(log: string): Command[] {
  const commands: Command[] = [];
  let stopToken: string | null = null;
  for (const raw of log.split('\n')) {
    const line = raw.trimStart();
    if (stopToken !== null) {
      if (line === `::${stopToken}::`) stopToken = null;
      continue;
    }
    const match = /^::([^ :]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!match) continue;
    const [, name, props = '', data = ''] = match;
    if (name === 'stop-commands') {
      stopToken = data;
      continue;
    }
    const properties = Object.fromEntries(props.split(',').filter(Boolean).map((p) => [p.slice(0, p.indexOf('=')), unescape(p.slice(p.indexOf('=') + 1))]));
    commands.push({ name: name!, properties, data: unescape(data) });
  }
  return commands;
}
