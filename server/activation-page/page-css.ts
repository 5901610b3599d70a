// Plain CSS, system fonts only (no external assets). Contrast ≥ 4.5:1 throughout.
export const activationPageCss = `
*{box-sizing:border-box}
body{margin:0;overflow-wrap:break-word;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:1rem;line-height:1.5;color:#1a1a1a;background:#f4f6f8}
.bar{display:flex;justify-content:space-between;align-items:center;padding:.75rem 1.25rem;background:#0b3d6b;color:#fff}
.brand{font-weight:700;font-size:1.25rem;letter-spacing:.02em}
.lang{color:#fff;text-decoration:underline}
main{max-width:34rem;margin:2rem auto;padding:1.5rem;background:#fff;border:1px solid #d0d7de;border-radius:8px}
h1{font-size:1.5rem;margin:0 0 1rem}
h2{font-size:1.25rem;margin:0 0 .5rem}
.field{margin:0 0 1rem}
label{display:block;font-weight:600;margin-bottom:.25rem}
input{width:100%;padding:.6rem .7rem;font:inherit;border:1px solid #6b7785;border-radius:4px}
input[aria-invalid="true"]{border:2px solid #a11b1b}
.field-error{margin:.25rem 0 0;color:#a11b1b;font-weight:600}
.field-error:empty{display:none}
input:focus-visible,button:focus-visible,a:focus-visible,[tabindex="-1"]:focus{outline:3px solid #b35c00;outline-offset:2px}
.bar a:focus-visible{outline-color:#fff}
.help{margin:.25rem 0 0;font-size:.9rem;color:#4a5561}
.rules{font-size:.9rem;color:#3b4550;margin-bottom:1rem}
.rules p{margin:0}
.rules ul{margin:.25rem 0 0;padding-left:1.25rem}
.rules li.broken{color:#a11b1b;font-weight:600}
button{padding:.7rem 1.2rem;font:inherit;font-weight:600;color:#fff;background:#0b5cad;border:0;border-radius:4px;cursor:pointer}
button[disabled]{background:#5a7a99;cursor:progress}
.error{color:#a11b1b;font-weight:600;margin:0 0 1rem}
.error:empty{display:none}
.error ul{margin:.25rem 0 0;padding-left:1.25rem}
.success{border-left:4px solid #1d7a3a;padding-left:1rem}
.foot{max-width:34rem;margin:0 auto 2rem;padding:0 1.5rem}
main a,.foot a{color:#0b5cad}
/* Reflow: a 320 px window (or 1280 px at 400 % zoom) gets one column edge to edge, no sideways scrolling. */
@media (max-width:36rem){main{margin:0;border:0;border-radius:0;padding:1rem}.foot{padding:0 1rem}.bar{padding:.75rem 1rem}}
.phone{list-style:none;padding:0}
.phone li{border:1px solid #d0d7de;border-radius:6px;padding:.5rem .75rem;margin:.5rem 0}
.phone .meta{margin:0;font-size:.85rem;color:#4a5561}
.phone .subject{margin:.25rem 0 0;font-weight:600}
.phone .body{margin:.25rem 0 0;white-space:pre-wrap}
.phone .code-state{margin:.25rem 0 0;font-weight:600;color:#a11b1b}
.phone .code-active{color:#1d7a3a}
`;
