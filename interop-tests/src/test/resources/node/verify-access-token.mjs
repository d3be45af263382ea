// Verifies a Gatehouse access token with jose and nothing else from Gatehouse: the keys come from the
// jwks_uri of the issuer's discovery document. Usage: node verify-access-token.mjs ISSUER AUDIENCE,
// with the token on standard input so it never shows in a process list. Prints one JSON line:
// {"header":{...},"payload":{...}} and exits 0, or {"error":"<jose error code>","message":"..."} and exits 1.
import { createRemoteJWKSet, jwtVerify } from 'jose';

const [issuer, audience] = process.argv.slice(2);
if (!issuer || !audience) {
  console.error('usage: node verify-access-token.mjs ISSUER AUDIENCE < token');
  process.exit(2);
}

async function readStandardInput() {
  const chunks = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8').trim();
}

async function discover(issuerUrl) {
  const response = await fetch(`${issuerUrl}/.well-known/openid-configuration`, {
    signal: AbortSignal.timeout(5000),
  });
  if (!response.ok) {
    throw new Error(`discovery document request failed with HTTP ${response.status}`);
  }
  const metadata = await response.json();
  // OpenID Connect Discovery 1.0 section 4.3: the issuer in the document must equal the one requested.
  if (metadata.issuer !== issuerUrl) {
    throw new Error(`discovery document names issuer ${metadata.issuer}, expected ${issuerUrl}`);
  }
  return metadata;
}

try {
  const token = await readStandardInput();
  const metadata = await discover(issuer);
  const keys = createRemoteJWKSet(new URL(metadata.jwks_uri), { timeoutDuration: 5000 });
  const { payload, protectedHeader } = await jwtVerify(token, keys, {
    issuer,
    audience,
    typ: 'at+jwt',
    // Only the algorithms the issuer signs with, so a token cannot pick a weaker one.
    algorithms: metadata.id_token_signing_alg_values_supported,
  });
  console.log(JSON.stringify({ header: protectedHeader, payload }));
} catch (error) {
  console.log(JSON.stringify({ error: error.code ?? error.name, message: error.message }));
  process.exit(1);
}
