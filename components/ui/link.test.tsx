import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

describe('in-app links', () => {
  test('every page and component links through components/ui/link (prefetch on intent), never next/link directly', () => {
    const direct = ['app', 'components', 'lib']
      .flatMap(sourceFiles)
      .filter((f) => f !== join('components', 'ui', 'link.tsx'))
      .filter((f) => /from ['"]next\/link['"]/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(direct).toEqual([]);
  });
});
