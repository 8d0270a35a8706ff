// "Is this page useful?": "No" opens the "what went wrong" form in place instead of reloading
// the page with ?feedback=no. Without JavaScript the link does the same job.
for (const feedback of document.querySelectorAll('[data-module="hub-page-feedback"]')) {
  const prompt = feedback.querySelector(".hub-feedback__prompt");
  const form = feedback.querySelector(".hub-feedback__form");
  const no = feedback.querySelector(".hub-feedback__no");
  if (prompt && form && no) {
    no.addEventListener("click", (event) => {
      event.preventDefault();
      prompt.hidden = true;
      form.hidden = false;
      form.querySelector("textarea").focus();
    });
  }
}
