// Builds the Google Sheets add-on into dist/apps-script: Code.js (top-level entry functions via gas-webpack-plugin), appsscript.json and sidebar.html with its script inlined.
const path = require('path');
const fs = require('fs');
const GasPlugin = require('gas-webpack-plugin');
const CopyPlugin = require('copy-webpack-plugin');

/** Inlines sidebar.js into sidebar.html (HtmlService serves one self-contained file) and drops the separate script. */
class InlineSidebarPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('InlineSidebarPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'InlineSidebarPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE },
        () => {
          const js = compilation.getAsset('sidebar.js');
          if (!js) return;
          const template = path.resolve(__dirname, 'apps-script/sidebar/sidebar.html');
          compilation.fileDependencies.add(template);
          // "</" inside the script would end the <script> element early.
          const code = js.source.source().toString().replace(/<\//g, '<\\/');
          const html = fs.readFileSync(template, 'utf8').replace('/*INLINE:sidebar.js*/', () => code);
          compilation.emitAsset('sidebar.html', new compiler.webpack.sources.RawSource(html));
          compilation.deleteAsset('sidebar.js');
        },
      );
    });
  }
}

module.exports = {
  context: __dirname,
  entry: {
    Code: './apps-script/server/main.ts',
    sidebar: './apps-script/sidebar/sidebar.ts',
  },
  devtool: false, // eval/source-map devtools break Apps Script
  target: ['web', 'es2019'],
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        loader: 'ts-loader',
        exclude: /node_modules/,
        options: { transpileOnly: true, compilerOptions: { module: 'esnext', noEmit: false, target: 'es2019' } },
      },
    ],
  },
  optimization: { minimize: true, splitChunks: false },
  output: { path: path.resolve(__dirname, 'dist/apps-script'), filename: '[name].js', clean: true },
  performance: { hints: false },
  plugins: [
    new GasPlugin({ include: ['apps-script/server/**/*'] }),
    new CopyPlugin({ patterns: [{ from: 'apps-script/appsscript.json', to: 'appsscript.json' }] }),
    new InlineSidebarPlugin(),
  ],
};
