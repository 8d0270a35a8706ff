// Starts GOV.UK Frontend's components. Its URL (hashed by collectstatic) is on this script's tag.
const script = document.querySelector("script[data-govuk-frontend]");
const { initAll } = await import(script.dataset.govukFrontend);
initAll();
