/**
 * hadolint-style rules for this project's Dockerfiles (no hadolint binary on these machines):
 * each answers the violations it finds as `line N: what is wrong`.
 */

export interface Instruction {
  line: number;
  keyword: string;
  args: string;
}

/** Instructions with continuation lines joined; comments dropped. */
export function parseDockerfile(text: string): Instruction[] {
  const instructions: Instruction[] = [];
  let pending: Instruction | null = null;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (pending === null && (line === '' || line.startsWith('#'))) return;
    if (pending !== null && line.startsWith('#')) return;
    const continued = line.endsWith('\\');
    const body = continued ? line.slice(0, -1) : line;
    if (pending === null) {
      const match = /^(\S+)\s*(.*)$/.exec(body)!;
      pending = { line: index + 1, keyword: match[1]!.toUpperCase(), args: match[2]! };
    } else {
      pending.args = `${pending.args} ${body}`.trim();
    }
    if (!continued) {
      instructions.push(pending);
      pending = null;
    }
  });
  return instructions;
}

/** ARG defaults declared before the first FROM (they may be used in FROM lines). */
function globalArgs(instructions: Instruction[]): Map<string, string> {
  const args = new Map<string, string>();
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') break;
    const match = /^(\w+)=(\S+)$/.exec(instruction.args);
    if (instruction.keyword === 'ARG' && match) args.set(match[1]!, match[2]!);
  }
  return args;
}

export function lintDockerfile(text: string): string[] {
  const instructions = parseDockerfile(text);
  const args = globalArgs(instructions);
  const problems: string[] = [];
  const stageNames = new Set<string>();
  for (const { line, keyword, args: body } of instructions) {
    if (keyword === 'FROM') {
      const [image = '', , alias] = body.split(/\s+/);
      const resolved = image.replace(/\$\{(\w+)\}/g, (_, name: string) => args.get(name) ?? '');
      if (!stageNames.has(resolved)) {
        const tag = /:([^/]+)$/.exec(resolved)?.[1];
        if (!tag && !resolved.includes('@sha256:'))
          problems.push(`line ${line}: base image ${image} has no pinned tag`);
        if (tag === 'latest') problems.push(`line ${line}: base image ${image} uses latest`);
        else if (tag && !/\d+\.\d+/.test(tag))
          problems.push(`line ${line}: base image ${image} is not pinned to a version`);
      }
      if (alias) stageNames.add(alias);
    }
    if (/\|\|\s*true\b/.test(body)) problems.push(`line ${line}: '|| true' hides a failure`);
    if ((keyword === 'COPY' || keyword === 'ADD') && !/--chown=/.test(body))
      problems.push(`line ${line}: ${keyword} without --chown`);
    if (keyword === 'ADD' && !/\.tar(\.\w+)?$/.test(body))
      problems.push(`line ${line}: ADD where COPY would do`);
    if (keyword === 'RUN' && /apt-get install/.test(body)) {
      if (!/rm -rf \/var\/lib\/apt\/lists/.test(body))
        problems.push(`line ${line}: apt-get install without removing /var/lib/apt/lists`);
      if (!/--no-install-recommends/.test(body))
        problems.push(`line ${line}: apt-get install without --no-install-recommends`);
    }
    if (keyword === 'RUN' && /^\s*cd\s/.test(body))
      problems.push(`line ${line}: cd instead of WORKDIR`);
  }
  const finalStage = instructions.slice(instructions.map((i) => i.keyword).lastIndexOf('FROM'));
  const users = finalStage.filter((i) => i.keyword === 'USER');
  const lastUser = users.at(-1)?.args.trim();
  if (!lastUser) problems.push('final stage: no USER (runs as root)');
  else if (/^(root|0)(:|$)/.test(lastUser)) problems.push(`final stage: USER ${lastUser} is root`);
  if (!instructions.some((i) => i.keyword === 'HEALTHCHECK')) problems.push('no HEALTHCHECK');
  return problems;
}
