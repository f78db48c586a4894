// `npm start`: builds the add-in in development mode and serves dist/addin over HTTPS on https://localhost:3000 with office-addin-dev-certs certificates in .certs/.
const fs = require('fs');
const path = require('path');
const webpack = require('webpack');
const WebpackDevServer = require('webpack-dev-server');

const root = path.resolve(__dirname, '..');
const certDir = path.join(root, '.certs');
const ca = path.join(certDir, 'ca.crt');
const cert = path.join(certDir, 'localhost.crt');
const key = path.join(certDir, 'localhost.key');
const port = Number(process.env.PORT || 3000);

async function ensureCertificates() {
  if ([ca, cert, key].every((f) => fs.existsSync(f))) return;
  fs.mkdirSync(certDir, { recursive: true });
  // Generates a local CA and a localhost certificate (valid 30 days); installing the CA in the
  // system's trust store is left to the user (it needs admin rights), see the instructions below.
  const { generateCertificates } = require('office-addin-dev-certs/lib/generate');
  await generateCertificates(ca, cert, key, 30, ['127.0.0.1', 'localhost']);
}

function instructions() {
  const manifest = path.join(root, 'manifest.xml');
  return [
    '',
    `Tillägget körs på https://localhost:${port}/taskpane.html`,
    '',
    'Lita på utvecklingscertifikatet en gång (kräver administratörsrätt):',
    `  Windows:  certutil -addstore -user Root "${ca}"`,
    `  macOS:    sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain "${ca}"`,
    `  Linux:    kopiera ${ca} till /usr/local/share/ca-certificates/ och kör sudo update-ca-certificates`,
    '',
    'Läs in (sideloada) tillägget:',
    `  Excel på webben: Start > Tillägg > Mer tillägg > Mina tillägg > Ladda upp mitt tillägg, välj ${manifest}`,
    `  Excel för Windows: lägg manifest.xml i en delad mapp, ange mappen under Arkiv > Alternativ > Säkerhetscenter > Betrodda tilläggskataloger,`,
    '                     starta om Excel och välj Start > Tillägg > Delad mapp > Medborgarlöften',
    `  Excel för Mac: kopiera manifest.xml till ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/ och starta om Excel`,
    '  (eller: npx office-addin-debugging start manifest.xml desktop, där Excel är installerat)',
    '',
    'Knappen "Följ upp löften" finns sedan i gruppen Medborgarlöften på fliken Start.',
    'Avsluta med Ctrl+C.',
    '',
  ].join('\n');
}

async function main() {
  await ensureCertificates();
  const config = require(path.join(root, 'webpack.config.js'))({}, { mode: 'development' });
  const compiler = webpack(config);
  const server = new WebpackDevServer(
    {
      port,
      host: 'localhost',
      hot: false,
      liveReload: true,
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: { directory: config.output.path },
      devMiddleware: { writeToDisk: true },
      server: { type: 'https', options: { ca: fs.readFileSync(ca), cert: fs.readFileSync(cert), key: fs.readFileSync(key) } },
      client: { overlay: false },
    },
    compiler,
  );
  await server.start();
  console.log(instructions());
  const stop = () => server.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error(`Utvecklingsservern kunde inte starta: ${e && e.message ? e.message : e}`);
  process.exit(1);
});
