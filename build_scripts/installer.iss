; Inno Setup 6 script: the Windows installer of ThiĐua CĐS.
;
;   build first:  pyinstaller --noconfirm --distpath dist --workpath build build_scripts\thidua.spec
;   then:         iscc build_scripts\installer.iss
;   (or)          iscc /DAppVersion=0.1.0 build_scripts\installer.iss
;
; -> dist\ThiDuaCDS-<version>-setup.exe
;
; What it does (see BUILDING.md):
; - installs for the current user only, without administrator rights, into
;   %LOCALAPPDATA%\Programs\ThiDuaCDS (the user's own program folder);
; - a Start menu shortcut, and a desktop shortcut if the box is ticked;
; - an upgrade (same AppId) replaces the program files; an uninstall removes them.
;   Neither ever touches the user's data: the database, its backups, evidence files and
;   logs live in %LOCALAPPDATA%\ThiDuaCDS\ThiDuaCDS (platformdirs), a different folder
;   that this script never names. Do NOT add [UninstallDelete] or [InstallDelete]
;   entries outside {app}.
;
; The version comes from the build: /DAppVersion=..., or else it is read from the
; version resource of dist\thidua\thidua.exe (written from desktop/version.py).

#define AppName "ThiĐua CĐS"
#define AppFolder "ThiDuaCDS"
#define AppExeName "thidua.exe"
#define DistDir AddBackslash(SourcePath) + "..\dist\thidua"

#if !FileExists(DistDir + "\" + AppExeName)
  #error "dist\thidua\thidua.exe not found: build the application with PyInstaller first (BUILDING.md)"
#endif

#ifndef AppVersion
  #define AppVersion GetStringFileInfo(DistDir + "\" + AppExeName, "ProductVersion")
#endif
#define AppNumericVersion GetVersionNumbersString(DistDir + "\" + AppExeName)

[Setup]
; Never change the AppId: it is how an upgrade finds the installed copy.
AppId={{BF79098E-9E84-4CB5-B64E-7F134D62C7DE}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
AppComments=Quản lý Phong trào thi đua Chuyển đổi số (chạy không cần mạng)
VersionInfoVersion={#AppNumericVersion}
VersionInfoProductVersion={#AppNumericVersion}
VersionInfoDescription={#AppName} — chương trình cài đặt
; per user, no administrator rights: {localappdata}\Programs\ThiDuaCDS
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\{#AppFolder}
DisableDirPage=auto
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\dist
OutputBaseFilename={#AppFolder}-{#AppVersion}-setup
SetupIconFile=..\resources\icons\thidua.ico
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; an open copy of the program is closed (Restart Manager) before its files are replaced
CloseApplications=yes
RestartApplications=no
SetupLogging=yes
ShowLanguageDialog=no

[Languages]
#if FileExists(CompilerPath + "Languages\Vietnamese.isl")
Name: "vietnamese"; MessagesFile: "compiler:Languages\Vietnamese.isl"
#else
; Vietnamese.isl is an unofficial Inno Setup translation: put it in the compiler's
; Languages folder to get a Vietnamese wizard. Without it the wizard is in English.
Name: "english"; MessagesFile: "compiler:Default.isl"
#endif

[CustomMessages]
DesktopShortcut=Tạo biểu tượng trên màn hình (Desktop)
Shortcuts=Biểu tượng:
OpenNow=Mở {#AppName} ngay
Uninstall=Gỡ cài đặt {#AppName}

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopShortcut}"; GroupDescription: "{cm:Shortcuts}"; Flags: unchecked

[InstallDelete]
; An upgrade starts from a clean program folder, so that no file of the previous version
; (an old library, a removed migration) is left beside the new ones. Only {app}: the
; user's data is elsewhere and is never deleted.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"; Comment: "Phong trào thi đua Chuyển đổi số"
Name: "{group}\{cm:Uninstall}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:OpenNow}"; Flags: nowait postinstall skipifsilent
