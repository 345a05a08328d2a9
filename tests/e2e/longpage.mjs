// A long news article built at run time, for measuring how the widget
// behaves on big pages: about `bytes` of article text in paragraphs, with
// quotations, named and unnamed sources, reported speech, hedges and plain
// sentences mixed as in wire copy, and the usual page around it (a menu,
// a headline list, a footer). The same seed gives the same page.

const FIRST = ["Elena", "Tomas", "Maria", "David", "Amina", "Kofi", "Ines", "Pavel", "Grace", "Hiro", "Lena", "Omar"];
const LAST = ["Marsh", "Reyes", "Lund", "Okafor", "Berg", "Tanaka", "Novak", "Haddad", "Ford", "Quinn", "Sato", "Varga"];
const ROLES = ["the city engineer", "a council member", "the port director", "an economist at the central bank", "the union leader"];
const GROUPS = ["the transport ministry", "Radio Calder", "the harbour authority", "the Northern Trade Council", "Reuters"];
const UNNAMED = ["officials", "a senior official", "people familiar with the talks", "two diplomats", "a spokesman"];
const CLAIMS = [
  "the bridge will reopen in May",
  "talks with the shipping firms had stalled over the summer",
  "the new tariffs would cost local exporters about 40 million euros",
  "the ferry service was cut because of the storm damage",
  "no decision had been taken on the second runway",
  "the budget gap was larger than the government admitted",
  "inspectors found cracks in two of the pillars",
];
const PLAIN = [
  "The harbour has been closed to large ships since March.",
  "Traffic on the coast road doubled during the works.",
  "The council meets again on Thursday.",
  "Most of the fleet is more than thirty years old.",
  "Prices for fish at the morning market rose for the third week.",
];

/** A small seeded random generator (mulberry32). */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One paragraph of wire copy: two to four sentences. */
function paragraph(rand) {
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const name = () => `${pick(FIRST)} ${pick(LAST)}`;
  const sentences = [];
  const n = 2 + Math.floor(rand() * 3);
  for (let i = 0; i < n; i++) {
    const claim = pick(CLAIMS);
    switch (Math.floor(rand() * 28)) {
      case 0:
        sentences.push(`“${claim[0].toUpperCase()}${claim.slice(1)},” said ${name()}, ${pick(ROLES)}.`);
        break;
      case 1:
        sentences.push(`${name()} told reporters that ${claim}.`);
        break;
      case 2:
        sentences.push(`According to ${pick(GROUPS)}, ${claim}.`);
        break;
      case 3:
        sentences.push(`${claim[0].toUpperCase()}${claim.slice(1)}, ${pick(UNNAMED)} said.`);
        break;
      case 4:
        sentences.push(`It appears that ${claim}.`);
        break;
      default:
        sentences.push(pick(PLAIN));
    }
  }
  return sentences.join(" ");
}

/** The page's HTML: an `<article>` with about `bytes` of text. */
export function longArticle(bytes = 600_000, seed = 7) {
  const rand = random(seed);
  const paragraphs = [];
  let size = 0;
  while (size < bytes) {
    const p = paragraph(rand);
    size += p.length + 1;
    paragraphs.push(`<p>${p}</p>`);
    if (paragraphs.length % 12 === 0) paragraphs.push(`<h2>Part ${paragraphs.length / 12 + 1}</h2>`);
  }
  const menu = ["World", "Business", "Science", "Sport", "Opinion"].map((s) => `<li><a href="#">${s}</a></li>`).join("");
  const headlines = ["Storm closes the coast road", "Port talks go on", "Budget vote delayed"]
    .map((s) => `<li><a href="#">${s}</a></li>`)
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A long article</title></head>
<body><nav><ul>${menu}</ul></nav><main><article><h1>The harbour year</h1>${paragraphs.join("\n")}</article>
<aside><h2>Most read</h2><ul>${headlines}</ul></aside></main><footer><p>© The Coast Gazette</p></footer></body></html>`;
}
