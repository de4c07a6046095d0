// "Your recent work": what the learner had before a link, an example or Reset replaced it
// (kept by work.js), each a button that opens it again.

export function createRecent({ store, work, address, say }) {
  const $ = (id) => document.getElementById(id);

  function show() {
    const items = work.recent();
    $("recent").hidden = items.length === 0;
    $("recent-count").textContent = String(items.length);
    $("recent-list").replaceChildren(...items.map((item, i) => {
      const line = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = say("page.recent.open");
      button.dataset.recent = String(i);
      button.setAttribute("aria-label", say("page.recent.open_label", { summary: item.summary }));
      const words = document.createElement("span");
      words.textContent = item.summary; // the learner's own text: as text only
      line.append(button, " ", words);
      return line;
    }));
    const problems = work.readProblems();
    if (problems.length) store.update((s) => ({ linkProblems: [...s.linkProblems, ...problems] }));
  }

  $("recent-list").addEventListener("click", (event) => {
    const button = event.target.closest("button[data-recent]");
    const item = button && work.recent()[Number(button.dataset.recent)];
    if (item && store.get().engine.status === "live") address.openSaved(item.state, "page.recent.before_recent");
  });
  store.subscribe((s) => s.recent, show);
  return { show };
}
