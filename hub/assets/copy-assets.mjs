// Copies the front-end files the site serves, then puts the hub's own icons over GOV.UK's.
import { cpSync, mkdirSync } from "node:fs";

const govuk = "node_modules/govuk-frontend/dist/govuk";
const out = "static/hub";

mkdirSync(`${out}/assets/images`, { recursive: true });
// The compiled CSS refers to these files, so manifest storage needs them present.
cpSync(`${govuk}/assets/images`, `${out}/assets/images`, { recursive: true });
cpSync("static/brand", `${out}/assets/images`, { recursive: true });
cpSync(`${govuk}/govuk-frontend.min.js`, `${out}/govuk-frontend.min.js`);
cpSync("node_modules/charts.css/dist/charts.min.css", `${out}/charts.min.css`);
// The hub's own scripts: static files, so the public CSP is script-src 'self' with no nonce.
cpSync("hub/assets/js", out, { recursive: true });
