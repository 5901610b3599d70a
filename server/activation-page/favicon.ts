// The icon browsers ask for at /favicon.ico on every page of this origin (console, activation page,
// sandbox phone): a 32×32 PNG in an ICO container, so no request ends in a 404.
export const faviconIco = Buffer.from(
  [
    'AAABAAEAICAAAAEAIACqAAAAFgAAAIlQTkcNChoKAAAADUlIRFIAAAAgAAAAIAgGAAAAc3p69AAAAHFJREFUeNrt10sOQBEMhWGL',
    'tEbbZGbizdGe0D+5w5t+E6LOtfIhQr+p0EOXMFLDqwjp4QXib4DW8IzY+KmVCGDUVcBsBjDAuwD1Y0hxEVFcxf8CVE/BalDAbhDA',
    'aUcAVOSAzrvwOsCe5TyrGcVyqrSeJ74X/EcRJ31SAAAAAElFTkSuQmCC',
  ].join(''),
  'base64',
);
