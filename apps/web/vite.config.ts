import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { defineConfig, type Plugin } from "vite";
import solid from "vite-plugin-solid";

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** What index.html loads before any page runs must stay under this (issue 6 §7). */
const firstLoadBudgetBytes = 100 * 1024;
const compressible = /\.(js|css|html|svg|json|txt)$/;

/**
 * Writes `.br` and `.gz` beside every compressible file of the build, so the server sends them as they are
 * (no compression per request), and prints the gzipped size of the first load: the entry chunk, the chunks it
 * imports statically and their CSS. The build fails when that passes the budget.
 */
function precompressAndMeasure(): Plugin {
  return {
    name: "steward:precompress-and-measure",
    apply: "build",
    async writeBundle(output, bundle) {
      const outDir = output.dir ?? "dist";
      const gzipped = new Map<string, number>();
      for (const fileName of Object.keys(bundle)) {
        if (!compressible.test(fileName)) continue;
        const path = join(outDir, fileName);
        const content = await readFile(path);
        const [gz, br] = await Promise.all([
          gzipAsync(content, { level: 9 }),
          brotliAsync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        ]);
        gzipped.set(fileName, gz.length);
        await Promise.all([writeFile(`${path}.gz`, gz), writeFile(`${path}.br`, br)]);
      }

      const firstLoad = new Set<string>();
      const visit = (fileName: string) => {
        const chunk = bundle[fileName];
        if (chunk?.type !== "chunk" || firstLoad.has(fileName)) return;
        firstLoad.add(fileName);
        for (const css of chunk.viteMetadata?.importedCss ?? []) firstLoad.add(css);
        for (const imported of chunk.imports) visit(imported);
      };
      for (const [fileName, chunk] of Object.entries(bundle)) {
        if (chunk.type === "chunk" && chunk.isEntry) visit(fileName);
      }
      const total = [...firstLoad].reduce((sum, fileName) => sum + (gzipped.get(fileName) ?? 0), 0);
      const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
      this.info(
        `first load: ${kilobytes(total)} gzipped (budget ${kilobytes(firstLoadBudgetBytes)}): ${[...firstLoad].join(", ")}`,
      );
      if (total > firstLoadBudgetBytes) {
        this.error(
          `The first load is ${kilobytes(total)} gzipped, over the budget of ${kilobytes(firstLoadBudgetBytes)}.`,
        );
      }
    },
  };
}

export default defineConfig({
  plugins: [solid(), precompressAndMeasure()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Solid, its router and the tRPC client load on every page and change less often than the app: in
        // chunks of their own they stay cached across releases. The rest (Kobalte, zod) is left to the
        // automatic split, which loads each piece with the first page that needs it.
        codeSplitting: {
          groups: [
            { name: "solid", test: /node_modules[\\/](solid-js|@solidjs)[\\/]/ },
            { name: "trpc", test: /node_modules[\\/]@trpc[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { "/trpc": { target: "http://localhost:3000", changeOrigin: false } },
  },
});
