; NSIS additions for the MitID Support Console (electron-builder includes build/installer.nsh, named as
; nsis.include in electron-builder.yml).
;
; The phone system's screen pop opens mitid-support-console://call?callId=…&from=… (README "Screen pop
; from the phone system"). electron-builder's `protocols` does not reach the Windows registry, and the
; console's own registration at start (app.setAsDefaultProtocolClient) writes HKCU only: of the user
; who started it. Installed per machine ("for all users"), the link must work for every agent who signs
; in to the PC, before they first start the console, so the installer registers it in SHELL_CONTEXT:
; HKLM\Software\Classes for a per-machine install, HKCU\Software\Classes for "only for me".

!macro customInstall
  DeleteRegKey SHELL_CONTEXT "Software\Classes\mitid-support-console"
  WriteRegStr SHELL_CONTEXT "Software\Classes\mitid-support-console" "" "URL:MitID Support Console call link"
  WriteRegStr SHELL_CONTEXT "Software\Classes\mitid-support-console" "URL Protocol" ""
  WriteRegStr SHELL_CONTEXT "Software\Classes\mitid-support-console\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr SHELL_CONTEXT "Software\Classes\mitid-support-console\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
!macroend

!macro customUnInstall
  DeleteRegKey SHELL_CONTEXT "Software\Classes\mitid-support-console"
!macroend
