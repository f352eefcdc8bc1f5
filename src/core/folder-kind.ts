/**
 * Whether a folder looks like a folder of articles or like a code repository, from its top-level
 * entries alone (no file is read). A code repository holds Markdown and text files too (a README, a
 * changelog, docs), and highlighting them is noise: there Crosswire asks before it reads anything.
 */

/** One entry at the top of a folder. */
export interface FolderEntry {
  readonly name: string;
  readonly directory: boolean;
}

export type FolderKind =
  /** A folder of articles, or nothing says otherwise: Crosswire works there unasked. */
  | { readonly kind: 'articles'; readonly reason: string }
  /** A code repository: Crosswire asks first. `reason` names what gave it away. */
  | { readonly kind: 'code'; readonly reason: string };

/**
 * The name of a file or folder that marks a folder as one of articles, whatever else it holds. It is
 * only looked for; Crosswire never writes it.
 */
export const ARTICLE_MARKER = '.crosswire';

/** Files a project of one language or another keeps at its top. */
const MANIFESTS = new Set([
  'package.json', 'tsconfig.json', 'deno.json', 'cargo.toml', 'go.mod', 'pyproject.toml', 'setup.py', 'setup.cfg',
  'requirements.txt', 'pipfile', 'pom.xml', 'build.gradle', 'build.gradle.kts', 'settings.gradle', 'gemfile',
  'composer.json', 'cmakelists.txt', 'makefile', 'meson.build', 'mix.exs', 'stack.yaml', 'package.swift',
  'pubspec.yaml', 'build.sbt', 'dune-project', 'flake.nix',
]);

/** Source files by their extension: a folder of articles holds none at its top. */
const SOURCE = /\.(?:[cm]?[jt]sx?|py|go|rs|java|kts?|scala|c|cc|cpp|cxx|h|hpp|cs|fs|rb|php|swift|m|mm|lua|pl|sh|ps1|zig|hs|ml|ex|exs|erl|clj|dart|r|jl|sln|csproj|fsproj|vcxproj)$/i;

/** Folders that hold a project's code. */
const SOURCE_FOLDERS = new Set(['src', 'lib', 'cmd', 'pkg', 'internal', 'test', 'tests', '.github']);

/** What a folder's top-level entries say it is. */
export function folderKind(entries: readonly FolderEntry[]): FolderKind {
  if (entries.some((e) => e.name === ARTICLE_MARKER)) return { kind: 'articles', reason: `it holds ${ARTICLE_MARKER}` };
  const manifest = entries.find((e) => !e.directory && (MANIFESTS.has(e.name.toLowerCase()) || /\.(?:sln|csproj|fsproj|cabal|gemspec|nimble)$/i.test(e.name)));
  if (manifest) return { kind: 'code', reason: `it has ${manifest.name}` };
  const sources = entries.filter((e) => !e.directory && SOURCE.test(e.name));
  if (sources.length >= 2) return { kind: 'code', reason: `it has source files such as ${sources[0]!.name}` };
  // A repository of articles is still a folder of articles; a repository with code folders is not.
  const git = entries.some((e) => e.name === '.git');
  const codeFolder = entries.find((e) => e.directory && SOURCE_FOLDERS.has(e.name.toLowerCase()));
  if (git && (codeFolder || sources.length > 0)) return { kind: 'code', reason: `it is a Git repository with ${codeFolder ? `a ${codeFolder.name} folder` : `${sources[0]!.name}`}` };
  return { kind: 'articles', reason: 'nothing in it looks like code' };
}

/**
 * What a workspace of several folders is: code when every folder is (a folder of articles opened
 * beside a repository makes it one to work in), else articles.
 */
export function workspaceKind(folders: readonly FolderKind[]): FolderKind {
  return folders.find((f) => f.kind === 'articles') ?? folders[0] ?? { kind: 'articles', reason: 'it has no folder' };
}
