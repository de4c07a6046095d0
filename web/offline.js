// Studying offline: a service worker keeps this build (where the browser allows: https or
// localhost) and says when a newer build has been published; the page offers to reload
// into it, with the fields kept.

export function createOffline({ keptBuild, beforeReload }) {
  const $ = (id) => document.getElementById(id);
  const version = document.body.dataset.version;

  async function keep() {
    if (!navigator.serviceWorker) return;
    navigator.serviceWorker.addEventListener("message", (event) => {
      if (!event.data?.version) return;
      if (event.data.version !== version) $("update").hidden = false;
      try { localStorage.setItem(keptBuild, event.data.version); } catch { /* storage off: start plain next time */ }
    });
    let registration;
    try { registration = await navigator.serviceWorker.register("./sw.js"); } catch { return; }
    const check = () => registration.update().catch(() => {}); // offline: later
    document.addEventListener("visibilitychange", () => { if (document.visibilityState === "visible") check(); });
    setInterval(check, 30 * 60 * 1000);
  }

  $("reload-update").addEventListener("click", () => {
    beforeReload();
    location.reload();
  });
  return { keep };
}
