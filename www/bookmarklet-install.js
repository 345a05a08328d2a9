// The install page: builds the bookmarklet for the address sourcelight is
// served from (the page's meta tag, set at build time, else this folder).
// The bookmarklet imports bookmarklet.js and calls toggle(); if the import
// itself is blocked, it shows the message on its own.
const meta = document.querySelector('meta[name="sourcelight-base"]')?.content;
const base = new URL(meta || ".", location.href).href;

const blocked =
  "sourcelight could not load on this page: the site's security policy blocks it. " +
  "The sourcelight browser extension works here.";
const failed = "sourcelight could not load on this page. The browser's console has the details.";

// Kept short and self-contained: it runs in the page the reader is on. A
// policy violation for sourcelight's address while it loads means the
// policy blocked it; any other failure is told apart.
const origin = new URL(base).origin;
const code = `(()=>{const w=window;if(w.__sourcelightToggle){w.__sourcelightToggle();return}
let v=0;const l=e=>{if(String(e.blockedURI).startsWith(${JSON.stringify(origin)}))v=1};
document.addEventListener("securitypolicyviolation",l);
import(${JSON.stringify(base + "bookmarklet.js")}).then(m=>{w.__sourcelightToggle=m.toggle;return m.toggle()})
.catch(e=>new Promise(r=>setTimeout(r,50)).then(()=>{console.error("sourcelight:",e);
const d=document.createElement("div"),s=d.style;d.textContent=v?${JSON.stringify(blocked)}:${JSON.stringify(failed)};
d.setAttribute("role","alert");d.dataset.sourcelightMessage="";s.position="fixed";s.zIndex="2147483647";
s.right="16px";s.bottom="16px";s.maxWidth="360px";s.padding="12px 14px";s.background="#1d2330";s.color="#fff";
s.font="14px/1.4 system-ui,sans-serif";s.borderRadius="8px";d.onclick=()=>d.remove();
document.documentElement.append(d);setTimeout(()=>d.remove(),12e3)})).finally(()=>
document.removeEventListener("securitypolicyviolation",l))})()`.replace(/\n/g, "");

document.getElementById("bookmarklet").href = `javascript:${encodeURIComponent(code)}`;
document.getElementById("base").textContent = base;
window.sourcelightBookmarklet = code;
