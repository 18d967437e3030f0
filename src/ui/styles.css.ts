// The shadow root's stylesheet. Site themes override the `--allur-consent-*` properties on the
// `allur-consent` element; its own private properties are named after them. Each line ends in `\`, a line
// continuation, so the shipped string carries no line breaks. A function, so a returning visitor's page, which
// never mounts the UI, keeps no copy of the string on its heap.
export const styles = () => `\
:host{all:initial!important;\
--radius:var(--allur-consent-radius,.75em);\
--background:var(--allur-consent-bg,#fff);--text:var(--allur-consent-fg,#101828);\
--muted:var(--allur-consent-muted,#475467);--border:var(--allur-consent-border,#d0d5dd);\
--button-background:var(--allur-consent-button-bg,#0b1a30);--button-text:var(--allur-consent-button-fg,#fff);\
--accent:var(--allur-consent-accent,#1753d6);--switch-off:var(--allur-consent-switch-off,#7a8596)}\
@media (prefers-color-scheme:dark){:host{\
--background:var(--allur-consent-bg,#151a22);--text:var(--allur-consent-fg,#f2f4f7);\
--muted:var(--allur-consent-muted,#aeb6c2);--border:var(--allur-consent-border,#2f3846);\
--button-background:var(--allur-consent-button-bg,#f2f4f7);--button-text:var(--allur-consent-button-fg,#0b1a30);\
--accent:var(--allur-consent-accent,#80a8ff);--switch-off:var(--allur-consent-switch-off,#6b7686)}}\
.root{font:.9375em/1.5 var(--allur-consent-font,system-ui,sans-serif);color:var(--text)}\
*{box-sizing:border-box}\
h2{font-size:1.125em;line-height:1.3;margin:0 0 .4em;font-weight:650}\
p{margin:0 0 .6em}\
a{color:var(--accent);text-underline-offset:.15em}\
:focus-visible{outline:2px solid var(--accent);outline-offset:2px}\
[tabindex="-1"]:focus{outline:0}\
.card{background:var(--background);border:1px solid var(--border);border-radius:var(--radius);box-shadow:0 .5em 2em #0b1a3033}\
.dock,.notices{pointer-events:none;display:flex;flex-flow:column;align-items:center;gap:.5em}\
.notices{width:100%}\
.dock{position:fixed;inset:auto var(--allur-consent-right,0) 0 var(--allur-consent-left,0);z-index:var(--allur-consent-z-index,2147483000);padding:.75em}\
.banner,.notice,.reopen{pointer-events:auto}\
.banner{position:relative;width:100%;max-width:60em;max-height:80vh;overflow:auto;display:flex;flex-wrap:wrap;align-items:center;gap:1em 2em;padding:1.25em 3.5em 1.25em 1.5em}\
.banner-text{flex:99 1 22em}\
.banner-text p:last-child{margin:0}\
.banner-actions{flex:1 1 16em;max-width:100%}\
.banner-actions,.dialog-actions{display:grid;grid-auto-rows:1fr;gap:.5em}\
button{font:inherit;background:none;border:0;margin:0;cursor:pointer}\
.button{min-height:2.75em;padding:.5em .75em;border-radius:calc(var(--radius)*.75);background:var(--button-background);color:var(--button-text);font-weight:600;line-height:1.25}\
.button:hover,.close:hover{background-image:linear-gradient(#8883,#8883)}\
.close{position:absolute;top:.5em;right:.5em;width:2.75em;height:2.75em;border-radius:50%;color:var(--muted)}\
.close,.backdrop{display:grid;place-items:center}\
svg{width:1.1em;height:1.1em;stroke:currentColor;stroke-width:2;stroke-linecap:round;fill:none}\
.notice{position:relative;display:flex;flex-wrap:wrap;align-items:center;gap:.5em;max-width:44em;padding:.5em 3.5em .5em 1.25em;border-left:.3em solid var(--accent)}\
.notice p{margin:0;flex:1 1 10em}\
.reopen{position:relative;align-self:flex-start;border-radius:2em;box-shadow:0 .25em 1em #0b1a3040}\
.backdrop{position:fixed;inset:0;z-index:var(--allur-consent-z-index,2147483000);background:#070c16a6;padding:1em}\
.dialog{position:relative;width:100%;max-width:40em;max-height:100%;display:flex;flex-flow:column;overflow:auto}\
.dialog h2{margin:0;padding:1.25em 3.5em 1em 1.5em;border-bottom:1px solid var(--border)}\
.scroll{flex:auto;min-height:8em;overflow:auto;padding:1em 1.5em}\
.small{color:var(--muted);font-size:.875em}\
ul{list-style:none;margin:0 0 1em;padding:0}\
li{padding:.75em 0;border-bottom:1px solid var(--border)}\
.row{display:flex;align-items:center;gap:.75em;margin-bottom:.25em}\
label{flex:1}\
input{-webkit-appearance:none;appearance:none;flex:none;width:2.75em;height:1.5em;margin:0;border-radius:1em;cursor:pointer;background:radial-gradient(circle .55em at .75em,#fff 95%,#0000) var(--switch-off)}\
input:checked{background:radial-gradient(circle .55em at 2em,#fff 95%,#0000) var(--accent)}\
input:disabled{opacity:.5;cursor:default}\
label,.policy-updated,.gpc{font-weight:600}\
summary{cursor:pointer;padding:.25em 0;width:fit-content}\
table{border-collapse:collapse;width:100%;margin:.25em 0}\
th,td{text-align:left;vertical-align:top;padding:.3em .5em .3em 0;border-top:1px solid var(--border);overflow-wrap:break-word}\
th{font-weight:600}\
.dialog-actions{grid-template-columns:repeat(auto-fit,minmax(11em,1fr));padding:1em 1.5em;border-top:1px solid var(--border)}\
@media (max-width:40em){.dock{padding:.5em}.banner{padding:.875em;gap:.75em}.banner h2{margin-right:2em}\
.banner-text{max-height:32vh;overflow:auto;font-size:.875em}.banner-actions .button{min-height:2.5em;padding:.375em .75em}}\
.embed{display:flex;flex-flow:column;justify-content:center;gap:.5em;max-width:100%;padding:1em 1.25em;box-shadow:none}\
.embed p{margin:0}\
.embed-title{font-weight:650}\
.embed-actions{display:flex;flex-wrap:wrap;gap:.5em}\
.embed-actions button{flex:1 1 10em}\
@media (max-width:30em){thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}\
tr,td{display:block}td{padding:0;border:0}tr{padding:.3em 0;border-top:1px solid var(--border)}td:first-child{font-weight:600}\
td+td:before{content:attr(data-label) ": ";content:attr(data-label) ": "/"";color:var(--text)}}\
@media (max-height:30em){.banner-actions{grid-auto-flow:column;grid-auto-columns:1fr}.banner-text{max-height:35vh;overflow:auto}}\
@media (prefers-reduced-motion:no-preference){.card{animation:in .2s ease-out}@keyframes in{0%{transform:translateY(.5em)}}}\
@media (forced-colors:active){.button,input{border:1px solid}}\
`;
