// Copying: the page's link (once it is up to date) and the Code region's programs, with
// the Clipboard API where the browser has it, and a way to copy by hand where not.

export function createCopy({ store, address, say }) {
  const $ = (id) => document.getElementById(id);

  async function copyLink() {
    if (!store.isIdle()) $("copy-status").textContent = say("page.copy.waiting");
    await store.idle(); // the fields' own render, and its link
    address.write(); // the address at once, not after the typing pause
    if (store.get().address.note) { $("copy-status").textContent = say("page.copy.no_link"); return; }
    const link = location.href;
    try {
      await navigator.clipboard.writeText(link);
      $("copy-status").textContent = say("page.copy.done");
      $("copy-fallback").hidden = true;
    } catch {
      // No Clipboard API (an insecure origin, an old browser): show the link selected,
      // try the old copy command, and leave the field for copying by hand.
      const field = $("copy-fallback-field");
      field.value = link;
      $("copy-fallback").hidden = false;
      field.focus();
      field.select();
      let done = false;
      try { done = document.execCommand("copy"); } catch { done = false; }
      $("copy-status").textContent = say(done ? "page.copy.done" : "page.copy.by_hand");
    }
  }

  async function copyProgram(button) {
    const status = button.nextElementSibling;
    const program = $(button.dataset.target);
    try {
      await navigator.clipboard.writeText(program.textContent);
      status.textContent = say("page.copy.program");
    } catch {
      // no Clipboard API: select the program, so Ctrl+C copies it
      const range = document.createRange();
      range.selectNodeContents(program);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      let done = false;
      try { done = document.execCommand("copy"); } catch { done = false; }
      status.textContent = say(done ? "page.copy.program" : "page.copy.selected");
    }
    setTimeout(() => { status.textContent = ""; }, 4000);
  }

  $("copy-link").addEventListener("click", copyLink);
  for (const button of document.querySelectorAll("button.copy-code")) button.addEventListener("click", () => copyProgram(button));
  // the status was about the fields as they were: no longer true once they change
  store.subscribe((s) => s.keysVersion, () => { $("copy-status").textContent = ""; });
}
