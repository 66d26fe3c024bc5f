; Inno Setup 6 script: GM Terminal for Windows (x64) from the PyInstaller one-folder bundle.
;
;   pyinstaller --noconfirm --distpath dist --workpath build\pyinstaller packaging\gm-terminal.spec
;   iscc /DAppVersion=0.1.0 packaging\windows\gm-terminal.iss
;
; -> dist\gm-terminal-<version>-windows-x64-setup.exe. The release workflow passes the version
; read from pyproject.toml; see docs/packaging.md. Installing needs administrator rights: the
; installer adds an inbound firewall rule (Private networks only) for the app, without which
; Windows blocks the displays on the LAN; uninstalling removes the rule.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z packaging\windows\gm-terminal.iss
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\gm-terminal"
#endif
#define AppName "GM Terminal"
#define AppExe "gm-terminal.exe"
#define CliExe "gm-terminal-cli.exe"
#define RuleName "GM Terminal"

[Setup]
; The AppId identifies the product for upgrades and uninstall: never change it.
AppId={{1CF03AEE-93F0-4B61-BCFC-8E1DEB245F49}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=GM Terminal
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=gm-terminal-{#AppVersion}-windows-x64-setup
SetupIconFile=..\..\build\icons\gm-terminal.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade replaces the bundle whole: no library of an older version may linger.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; --resume: the launcher reopens the last campaign.
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Parameters: "--resume"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Parameters: "--resume"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
; Firewall: drop any rule of an earlier install, then allow both executables inbound on
; Private networks (TCP for the displays, UDP for mDNS). Public networks stay closed.
Filename: "{sys}\netsh.exe"; Parameters: "advfirewall firewall delete rule name=""{#RuleName}"""; Flags: runhidden waituntilterminated; StatusMsg: "Configuring Windows Firewall..."
Filename: "{sys}\netsh.exe"; Parameters: "advfirewall firewall add rule name=""{#RuleName}"" dir=in action=allow program=""{app}\{#AppExe}"" enable=yes profile=private description=""Player displays on the local network"""; Flags: runhidden waituntilterminated; StatusMsg: "Configuring Windows Firewall..."
Filename: "{sys}\netsh.exe"; Parameters: "advfirewall firewall add rule name=""{#RuleName}"" dir=in action=allow program=""{app}\{#CliExe}"" enable=yes profile=private description=""Player displays on the local network (headless)"""; Flags: runhidden waituntilterminated; StatusMsg: "Configuring Windows Firewall..."
Filename: "{app}\{#AppExe}"; Parameters: "--resume"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallRun]
; `delete rule name=...` removes every rule with that name (both executables).
Filename: "{sys}\netsh.exe"; Parameters: "advfirewall firewall delete rule name=""{#RuleName}"""; Flags: runhidden waituntilterminated; RunOnceId: "RemoveFirewallRule"
