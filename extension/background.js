// The extension's background: the toolbar button (or Alt+Shift+S) toggles
// sourcelight on the current tab; a checkbox in the button's context menu
// keeps it on for a site. The setting stays in the browser's local storage;
// nothing is sent anywhere.
const api = globalThis.browser ?? globalThis.chrome;

/** Shows or hides sourcelight on a tab: content.js toggles on each run. */
async function toggle(tabId) {
  await api.scripting.executeScript({ target: { tabId }, files: ["content.js"] });
}

/** The sites where sourcelight is always on. */
async function sites() {
  const { sites = {} } = await api.storage.local.get("sites");
  return sites;
}

function host(url) {
  try {
    const u = new URL(url);
    return u.protocol.startsWith("http") ? u.host : null;
  } catch {
    return null;
  }
}

/** The menu's checkbox follows the site of the tab in front. */
async function showSetting(tab) {
  const h = tab && host(tab.url);
  await api.contextMenus.update("always-on", { checked: Boolean(h && (await sites())[h]), enabled: Boolean(h) });
}

api.runtime.onInstalled.addListener(() => {
  api.contextMenus.create({ id: "always-on", title: "Always on for this site", type: "checkbox", contexts: ["action"] });
});

api.action.onClicked.addListener((tab) => toggle(tab.id));

api.contextMenus.onClicked.addListener(async (info, tab) => {
  const h = host(tab?.url);
  if (info.menuItemId !== "always-on" || !h) return;
  const all = await sites();
  if (info.checked) all[h] = true;
  else delete all[h];
  await api.storage.local.set({ sites: all });
  if (info.checked) await toggle(tab.id);
});

api.tabs.onActivated.addListener(async ({ tabId }) => showSetting(await api.tabs.get(tabId)));

api.tabs.onUpdated.addListener(async (tabId, change, tab) => {
  if (change.status !== "complete") return;
  await showSetting(tab);
  const h = host(tab.url);
  if (h && (await sites())[h]) await toggle(tabId);
});

// for tests and the console
globalThis.toggle = toggle;
