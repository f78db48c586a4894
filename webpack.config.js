// Builds the Excel add-in into dist/addin: taskpane.html/js/css, commands.html/js, assets, manifest.xml (office.js stays on Microsoft's CDN).
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyPlugin = require('copy-webpack-plugin');

/** webpack's default budget: the task pane's initial JS must stay ≤ 244 KiB (office.js excluded). */
const BUDGET = 244 * 1024;

module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode === 'development';
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
      maxAssetSize: 1024 * 1024,
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
          { from: 'manifest.xml', to: 'manifest.xml' },
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
