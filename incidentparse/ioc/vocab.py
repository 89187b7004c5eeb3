"""Indicator vocabulary as data: types and categories, file extensions, evidence word lists.

Adding a type, an extension or a cue word is adding a row; the scanner and the classifier read
these tables and hold no word lists of their own.
"""

from __future__ import annotations

from importlib import resources
from typing import Final

from ..models import IndicatorCategory


def _words(text: str) -> frozenset[str]:
    """A word table written as one whitespace-separated string."""
    return frozenset(text.split())


# type → category (iocs.md "Types"); the order is the order types are documented in.
CATEGORY: Final[dict[str, IndicatorCategory]] = {
    "url": "network",
    "domain": "network",
    "ipv4": "network",
    "ipv6": "network",
    "cidr": "network",
    "email": "network",
    "asn": "network",
    "md5": "file",
    "sha1": "file",
    "sha256": "file",
    "sha512": "file",
    "file_name": "file",
    "file_path": "file",
    "registry_key": "host",
    "cve": "vulnerability",
    "attack_technique": "technique",
    "attack_tactic": "technique",
    "behavior": "behavioral",
}

# When two candidates cover the same span the higher priority wins (URL over its host, a
# path over the file name at its end, an e-mail over its domain).
PRIORITY: Final[dict[str, int]] = {
    "url": 90,
    "email": 85,
    "registry_key": 80,
    "file_path": 75,
    "cidr": 70,
    "ipv6": 65,
    "ipv4": 60,
    "sha512": 55,
    "sha256": 55,
    "sha1": 55,
    "md5": 55,
    "cve": 50,
    "attack_tactic": 45,
    "attack_technique": 45,
    "asn": 40,
    "domain": 30,
    "file_name": 20,
}

# Hex length → hash type; any other length of bare hex is not a hash.
HASH_LENGTHS: Final[dict[int, str]] = {32: "md5", 40: "sha1", 64: "sha256", 128: "sha512"}

# Extensions that make a dotted name a file name (lower-case). Kept as one row per family.
FILE_EXTENSIONS: Final[frozenset[str]] = _words(
    """
    exe dll sys scr cpl ocx drv pif efi
    ps1 psm1 psd1 bat cmd vbs vbe js jse mjs wsf wsh hta lnk url scf
    msi msp msc msix appx jar class war ear apk ipa dmg pkg deb rpm elf so dylib ko bin
    iso img vhd vhdx ova vmdk zip rar 7z tar gz tgz bz2 xz cab zst
    doc docx docm dot dotm xls xlsx xlsm xlsb xll ppt pptx pptm rtf pdf one onepkg odt ods
    txt log csv json xml yaml yml ini cfg conf config toml env properties plist
    py pyc pyw sh bash zsh ksh pl pm rb php phtml asp aspx ashx jsp jspx cgi lua go rs c cpp h cs
    html htm shtml svg png jpg jpeg gif bmp ico eml msg ics
    db sqlite sqlite3 mdb accdb dat tmp md dmp mdmp pcap pcapng evtx etl reg inf lock
    key pem crt cer der pfx p12 p7b ovpn kdbx gpg asc sig
    """
)

# Extensions that name a file even in running prose ("dropped payload.exe"): executables and
# scripts that are rarely anything else. Every other extension needs evidence (code, a table
# cell, a file label) before a bare name becomes a file_name indicator.
STRONG_EXTENSIONS: Final[frozenset[str]] = _words(
    """
    exe dll scr cpl ocx sys drv ps1 psm1 bat vbs vbe jse wsf hta lnk msi msix jar apk dmg
    docm xlsm pptm xll iso vhd vhdx elf dylib
    """
)

# TLDs that collide with file extensions or code attribute names: a domain with one of these
# needs evidence (defanged, a scheme, a path after it, or a network label).
WEAK_TLDS: Final[frozenset[str]] = _words(
    """
    app bar cab call data date day email foo id inc info java link live map md mov name new one
    open page pl pm post ps pub py read rs run save search sh show so style tf zip host win test
    """
)

# Generic TLDs common enough in prose that a capitalised name under them is still a host.
COMMON_TLDS: Final[frozenset[str]] = _words("com net org gov edu mil int info biz")

# Private-use suffixes of internal networks (RFC 6762, RFC 8375, common AD practice). Not in the
# TLD list; accepted with three or more labels, when defanged, or under a network label.
INTERNAL_TLDS: Final[frozenset[str]] = _words("local internal lan corp localdomain intranet")

# First labels that make a dotted name a code namespace (reverse-DNS packages, stdlib roots).
NAMESPACE_ROOTS: Final[frozenset[str]] = _words(
    """
    java javax com org net android androidx kotlin scala std os sys self this
    window document console process math json np pd tf torch django flask re io
    """
)

# Dotted product names that pass a TLD check (matched lower-case, whole).
PRODUCT_NAMES: Final[frozenset[str]] = _words(
    """
    asp.net vb.net ado.net node.js vue.js next.js nuxt.js react.js express.js chart.js d3.js
    three.js ember.js backbone.js socket.io alpine.js deno.land
    """
)

# Words that, right before a dotted quad, make it a version ("FortiOS 7.2.4.1", "build 10.0.1.2").
VERSION_CUES: Final[frozenset[str]] = _words(
    """
    v ver version versions build builds release releases firmware fw patch patched update
    updated upgrade upgraded rev revision kernel agent sdk driver bios
    """
)

# Label words that count as network or file evidence for weak TLDs and weak extensions.
NETWORK_LABEL_WORDS: Final[tuple[str, ...]] = (
    "network",
    "domain",
    "url",
    "c2",
    "c&c",
    "command and control",
    "host",
    "ip",
    "infrastructure",
    "server",
    "dns",
    "phishing",
    "callback",
    "beacon",
    "exfil",
    "email",
    "sender",
)
FILE_LABEL_WORDS: Final[tuple[str, ...]] = (
    "file",
    "hash",
    "sample",
    "artifact",
    "artefact",
    "binary",
    "payload",
    "dropped",
    "malware",
    "script",
    "executable",
    "attachment",
    "document",
)

# Documentation ranges (RFC 5737, RFC 3849); Python's ipaddress folds them into is_private.
DOCUMENTATION_NETS: Final[tuple[str, ...]] = (
    "192.0.2.0/24",
    "198.51.100.0/24",
    "203.0.113.0/24",
    "2001:db8::/32",
    "3fff::/20",
)

# ATT&CK id ranges accepted (inclusive): Enterprise/Mobile/ICS tactics, technique numbers.
TACTIC_RANGES: Final[tuple[tuple[int, int], ...]] = ((1, 43), (100, 111))
TECHNIQUE_RANGE: Final[tuple[int, int]] = (1001, 1699)

# POSIX roots that make "/root/…" a path rather than prose with a slash ("and/or").
POSIX_ROOTS: Final[tuple[str, ...]] = (
    "etc",
    "tmp",
    "var",
    "usr",
    "home",
    "opt",
    "bin",
    "sbin",
    "dev",
    "proc",
    "root",
    "lib",
    "lib64",
    "srv",
    "mnt",
    "media",
    "run",
    "sys",
    "boot",
    "Users",
    "Library",
    "Applications",
    "System",
    "private",
    "Volumes",
    "snap",
    "nix",
)

# Well-known path and key segments that contain spaces: outside code spans, cells and quotes a
# path may run over a space only inside one of these ("C:\Program Files\…", "…\Windows NT\…").
SPACED_SEGMENTS: Final[tuple[str, ...]] = (
    "Program Files (x86)",
    "Program Files",
    "Common Files",
    "Documents and Settings",
    "All Users",
    "Default User",
    "Application Data",
    "Local Settings",
    "Start Menu",
    "Windows NT",
    "Windows Defender",
    "Windows Defender Advanced Threat Protection",
    "Windows Advanced Threat Protection",
    "Windows Error Reporting",
    "Windows Script Host",
    "Windows Messaging Subsystem",
    "Windows PowerShell",
    "Windows Mail",
    "Windows Firewall",
    "Image File Execution Options",
    "Internet Explorer",
    "Internet Settings",
    "Shell Folders",
    "User Shell Folders",
    "App Paths",
    "Terminal Server",
    "Terminal Server Client",
    "Group Policy",
    "Group Policy Objects",
    "Security Center",
    "Session Manager",
    "Active Setup",
    "Installed Components",
    "Browser Helper Objects",
    "Control Panel",
    "Command Processor",
    "Microsoft Office",
    "Microsoft Antimalware",
    "Real-Time Protection",
    "Scheduled Tasks",
    "Print Processors",
    "Network Provider",
)

# Registry hives, every spelling (long, short, PowerShell drive, kernel object path).
REGISTRY_HIVES: Final[tuple[str, ...]] = (
    "HKEY_LOCAL_MACHINE",
    "HKEY_CURRENT_USER",
    "HKEY_CLASSES_ROOT",
    "HKEY_USERS",
    "HKEY_CURRENT_CONFIG",
    "HKEY_PERFORMANCE_DATA",
    "HKLM",
    "HKCU",
    "HKCR",
    "HKU",
    "HKCC",
    r"\REGISTRY\MACHINE",
    r"\REGISTRY\USER",
    r"\Registry\Machine",
    r"\Registry\User",
)


def _load_tlds() -> frozenset[str]:
    text = resources.files("incidentparse.ioc").joinpath("data/tlds.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


# Special-use TLDs reserved for documentation and testing (RFC 2606, RFC 6761): reports and
# their fixtures write "evil.example" the way they write 203.0.113.5, so they are hosts too.
RESERVED_TLDS: Final[frozenset[str]] = _words("example test invalid localhost")

# The bundled snapshot (see the header of data/tlds.txt for its date and licence), plus the
# reserved names.
TLDS: Final[frozenset[str]] = _load_tlds() | RESERVED_TLDS
