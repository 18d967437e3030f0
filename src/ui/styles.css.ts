// The shadow root's stylesheet. Site themes override the `--allur-consent-*` properties on the
// `allur-consent` element; the short private names below keep the sheet small. Each line ends in `\`, a line
// continuation, so the shipped string carries no line breaks.
export const styles = `\
:host{all:initial!important;\
--r:var(--allur-consent-radius,.75em);\
--bg:var(--allur-consent-bg,#fff);--fg:var(--allur-consent-fg,#101828);\
--mu:var(--allur-consent-muted,#475467);--bd:var(--allur-consent-border,#d0d5dd);\
--bb:var(--allur-consent-button-bg,#0b1a30);--bf:var(--allur-consent-button-fg,#fff);\
--ac:var(--allur-consent-accent,#1753d6);--off:var(--allur-consent-switch-off,#7a8596)}\
@media (prefers-color-scheme:dark){:host{\
--bg:var(--allur-consent-bg,#151a22);--fg:var(--allur-consent-fg,#f2f4f7);\
--mu:var(--allur-consent-muted,#aeb6c2);--bd:var(--allur-consent-border,#2f3846);\
--bb:var(--allur-consent-button-bg,#f2f4f7);--bf:var(--allur-consent-button-fg,#0b1a30);\
--ac:var(--allur-consent-accent,#80a8ff);--off:var(--allur-consent-switch-off,#6b7686)}}\
.root{font:.9375em/1.5 var(--allur-consent-font,system-ui,sans-serif);color:var(--fg)}\
*{box-sizing:border-box}\
h2{font-size:1.125em;line-height:1.3;margin:0 0 .4em;font-weight:650}\
p{margin:0 0 .6em}\
a{color:var(--ac);text-underline-offset:.15em}\
:focus-visible{outline:2px solid var(--ac);outline-offset:2px}\
[tabindex="-1"]:focus{outline:0}\
.card{background:var(--bg);border:1px solid var(--bd);border-radius:var(--r);box-shadow:0 .5em 2em #0b1a3033}\
.dock,.notes{pointer-events:none;display:flex;flex-flow:column;align-items:center;gap:.5em}\
.notes{width:100%}\
.dock{position:fixed;inset:auto var(--allur-consent-right,0) 0 var(--allur-consent-left,0);z-index:var(--allur-consent-z-index,2147483000);padding:.75em}\
.banner,.note,.fab{pointer-events:auto}\
.banner{position:relative;width:100%;max-width:60em;max-height:80vh;overflow:auto;display:flex;flex-wrap:wrap;align-items:center;gap:1em 2em;padding:1.25em 3.5em 1.25em 1.5em}\
.text{flex:99 1 22em}\
.text p:last-child{margin:0}\
.acts{flex:1 1 16em;max-width:100%}\
.acts,.foot{display:grid;grid-auto-rows:1fr;gap:.5em}\
button{font:inherit;background:none;border:0;margin:0;cursor:pointer}\
.btn{min-height:2.75em;padding:.5em .75em;border-radius:calc(var(--r)*.75);background:var(--bb);color:var(--bf);font-weight:600;line-height:1.25}\
.btn:hover,.x:hover{background-image:linear-gradient(#8883,#8883)}\
.x{position:absolute;top:.5em;right:.5em;width:2.75em;height:2.75em;border-radius:50%;color:var(--mu)}\
.x,.back{display:grid;place-items:center}\
svg{width:1.1em;height:1.1em;stroke:currentColor;stroke-width:2;stroke-linecap:round;fill:none}\
.note{position:relative;display:flex;flex-wrap:wrap;align-items:center;gap:.5em;max-width:44em;padding:.5em 3.5em .5em 1.25em;border-left:.3em solid var(--ac)}\
.note p{margin:0;flex:1 1 10em}\
.fab{position:relative;align-self:flex-start;border-radius:2em;box-shadow:0 .25em 1em #0b1a3040}\
.back{position:fixed;inset:0;z-index:var(--allur-consent-z-index,2147483000);background:#070c16a6;padding:1em}\
.dlg{position:relative;width:100%;max-width:40em;max-height:100%;display:flex;flex-flow:column;overflow:auto}\
.dlg h2{margin:0;padding:1.25em 3.5em 1em 1.5em;border-bottom:1px solid var(--bd)}\
.scroll{flex:auto;min-height:8em;overflow:auto;padding:1em 1.5em}\
.small{color:var(--mu);font-size:.875em}\
ul{list-style:none;margin:0 0 1em;padding:0}\
li{padding:.75em 0;border-bottom:1px solid var(--bd)}\
.row{display:flex;align-items:center;gap:.75em;margin-bottom:.25em}\
label{flex:1}\
input{-webkit-appearance:none;appearance:none;flex:none;width:2.75em;height:1.5em;margin:0;border-radius:1em;cursor:pointer;background:radial-gradient(circle .55em at .75em,#fff 95%,#0000) var(--off)}\
input:checked{background:radial-gradient(circle .55em at 2em,#fff 95%,#0000) var(--ac)}\
input:disabled{opacity:.5;cursor:default}\
label,.upd,.gpc{font-weight:600}\
.foot{grid-template-columns:repeat(auto-fit,minmax(11em,1fr));padding:1em 1.5em;border-top:1px solid var(--bd)}\
@media (max-width:40em){.dock{padding:.5em}.banner{padding:1em}.banner h2{margin-right:2em}.text{max-height:40vh;overflow:auto}}\
@media (max-height:30em){.acts{grid-auto-flow:column;grid-auto-columns:1fr}.text{max-height:35vh;overflow:auto}}\
@media (prefers-reduced-motion:no-preference){.card{animation:in .2s ease-out}@keyframes in{0%{transform:translateY(.5em)}}}\
@media (forced-colors:active){.btn,input{border:1px solid}}\
`;
