// A stand-in for a third-party analytics tag: it says on the page that it ran. Its own request is counted at /vendor/tag.js.
(() => {
  const log = document.getElementById('vendor-log');
  const runs = (window.demoVendorTagRuns = (window.demoVendorTagRuns ?? 0) + 1);
  const entry = document.createElement('li');
  entry.textContent = `Тег статистики выполнен (${runs}) в ${new Date().toLocaleTimeString()}.`;
  if (!log) return;
  if (runs === 1) log.replaceChildren();
  log.append(entry);
})();
