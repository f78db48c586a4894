// Builds the Excel add-in into dist/addin: taskpane.html/js/css, commands.html/js, assets, manifest.xml (office.js stays on Microsoft's CDN).
// ADDIN_BASE_URL=https://kommun.example.se/medborgarloften npm run build:addin writes a manifest pointing at that host instead of https://localhost:3000.
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyPlugin = require('copy-webpack-plugin');

/** webpack's default budget: the task pane's initial JS must stay ≤ 244 KiB (office.js excluded). */
const BUDGET = 244 * 1024;

/** The development base URL that manifest.xml names. */
const DEV_BASE = 'https://localhost:3000';

/**
 * manifest.xml for another host: every URL under https://localhost:3000 moves under `base`
 * (an https URL, optionally with a path), and the AppDomain becomes the base's origin.
 * Throws a clear message for anything but an absolute https URL.
 */
function rebaseManifest(xml, base) {
  if (!base) return xml;
  let url;
  try {
    url = new URL(base);
  } catch {
    throw new Error(`ADDIN_BASE_URL är ingen giltig adress: "${base}". Ange till exempel https://kommun.example.se/medborgarloften`);
  }
  if (url.protocol !== 'https:') throw new Error(`ADDIN_BASE_URL måste börja med https:// (Office läser bara in tillägg över HTTPS): "${base}"`);
  if (url.search || url.hash) throw new Error(`ADDIN_BASE_URL får inte ha ? eller #: "${base}"`);
  const clean = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  return xml
    .replace(`<AppDomain>${DEV_BASE}</AppDomain>`, `<AppDomain>${url.origin}</AppDomain>`)
    .split(DEV_BASE)
    .join(clean);
}

module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode === 'development';
  const base = env.baseUrl || process.env.ADDIN_BASE_URL || '';
  if (base) rebaseManifest('', base); // fail early on a bad URL
  return {
    context: __dirname,
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'source-map' : false,
    target: ['web', 'es2019'],
    entry: {
      taskpane: './addin/taskpane/taskpane.ts',
      commands: './addin/commands/commands.ts',
    },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          loader: 'ts-loader',
          exclude: /node_modules/,
          options: { configFile: path.resolve(__dirname, 'addin/tsconfig.json'), transpileOnly: true, compilerOptions: { noEmit: false, module: 'ESNext', sourceMap: dev } },
        },
      ],
    },
    output: {
      path: path.resolve(__dirname, 'dist/addin'),
      filename: '[name].js',
      chunkFilename: '[name].[contenthash:8].js',
      clean: true,
      publicPath: 'auto',
    },
    performance: {
      hints: dev ? false : 'error',
      maxEntrypointSize: BUDGET,
      maxAssetSize: BUDGET,
      // Only the initial task pane/commands scripts count; the lazily loaded docx chunk is allowed to be larger.
      assetFilter: (file) => /^(taskpane|commands)\.js$/.test(file),
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './addin/taskpane/taskpane.html', chunks: ['taskpane'], scriptLoading: 'defer', inject: 'body' }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './addin/commands/commands.html', chunks: ['commands'], scriptLoading: 'defer', inject: 'body' }),
      new CopyPlugin({
        patterns: [
          { from: 'addin/taskpane/taskpane.css', to: 'taskpane.css' },
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => (base ? rebaseManifest(content.toString('utf8'), base) : content) },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, 'dist/addin') },
      headers: { 'Access-Control-Allow-Origin': '*' },
      port: 3000,
    },
  };
};

module.exports.rebaseManifest = rebaseManifest;
module.exports.DEV_BASE = DEV_BASE;
