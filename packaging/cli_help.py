"""Reads latent-explorer's own --help (CLI11's layout) into options and subcommands, so the
man page and the bash completion are generated from the CLI and never go stale."""
import re
import subprocess
from dataclasses import dataclass, field

DESCRIPTION_COLUMN = 30  # CLI11 starts descriptions here (or on the next line)


@dataclass
class Option:
    names: list  # ["-h", "--help"]
    argument: str  # "TEXT:FILE REQUIRED", "" for a flag
    description: str = ""


@dataclass
class Command:
    name: str  # "" for the program itself
    summary: str
    options: list = field(default_factory=list)
    subcommands: list = field(default_factory=list)  # (name, summary)
    footer: str = ""


def help_text(exe, *args):
    return subprocess.run([exe, *args, "--help"], check=True, capture_output=True, text=True).stdout


def parse(text, name=""):
    lines = text.splitlines()
    command = Command(name, lines[0].strip())
    section = None
    last = None
    for line in lines[1:]:
        if line.startswith("Usage:") or not line.strip():
            if not line.strip() and section == "Subcommands":
                section = "after"
            continue
        if line in ("Options:", "Subcommands:"):
            section = line[:-1]
            continue
        indent = len(line) - len(line.lstrip())
        if section == "Options":
            if indent >= DESCRIPTION_COLUMN and last:
                last.description = (last.description + " " + line.strip()).strip()
                continue
            # The head ends at the first gap of two spaces; a long head has its description below.
            head, _, description = line.strip().partition("  ")
            spec = head.split(" ", 1)
            last = Option(spec[0].split(","), spec[1].strip() if len(spec) > 1 else "", description.strip())
            command.options.append(last)
        elif section == "Subcommands":
            match = re.match(r"\s+(\S+)\s+(.*)", line)
            command.subcommands.append((match.group(1), match.group(2).strip()))
        elif section == "after" or section is None and command.options:
            command.footer = (command.footer + " " + line.strip()).strip()
    return command


def read_cli(exe):
    """The program's command and one per subcommand, in the help's order."""
    program = parse(help_text(exe))
    return program, [parse(help_text(exe, sub), sub) for sub, _ in program.subcommands]
