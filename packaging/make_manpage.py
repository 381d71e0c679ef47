#!/usr/bin/env python3
"""Writes latent-explorer(1) from the binary's own --help and its subcommands' (roff).
Usage: make_manpage.py EXE VERSION OUT"""
import sys

from cli_help import read_cli


def roff(text):
    text = text.replace("\\", "\\\\").replace("-", "\\-")
    return "\\&" + text if text.startswith((".", "'")) else text


def options(opts):
    out = []
    for o in opts:
        names = ", ".join("\\fB" + roff(n) + "\\fR" for n in o.names)
        out += [".TP", names + (" \\fI" + roff(o.argument) + "\\fR" if o.argument else ""), roff(o.description)]
    return out


def main(exe, version, path):
    program, subcommands = read_cli(exe)
    page = [
        f'.TH LATENT\\-EXPLORER 1 "" "latent\\-explorer {version}" "User Commands"',
        ".SH NAME",
        "latent\\-explorer \\- " + roff(program.summary.split(": ", 1)[-1]),
        ".SH SYNOPSIS",
        ".B latent\\-explorer",
        "[\\fIOPTIONS\\fR]",
        ".br",
        ".B latent\\-explorer",
        "\\fISUBCOMMAND\\fR [\\fIOPTIONS\\fR]",
        ".SH DESCRIPTION",
        "Without a subcommand, opens the window on a model and its data (by default the bundled "
        "Fashion\\-MNIST VAE and the test split of Debian's dataset\\-fashion\\-mnist): a map of the "
        "encoded items that decodes wherever it is clicked, morphs, traversals, directions, the "
        "report card and comparisons. The subcommands do the batch steps without a window.",
        ".SH OPTIONS",
        *options(program.options),
        ".SH SUBCOMMANDS",
    ]
    for sub in subcommands:
        page += [f".SS {roff(sub.name)}", roff(sub.summary), ".PP",
                 f"\\fBlatent\\-explorer {roff(sub.name)}\\fR [\\fIOPTIONS\\fR]", ".RS", *options(sub.options), ".RE"]
    page += [
        ".SH EXIT STATUS", roff(program.footer.removeprefix("Exit codes: ")),
        ".SH FILES",
        ".TP", "\\fI/usr/share/latent\\-explorer/models/fashion_vae.pt\\fR", "the bundled model",
        ".TP", "\\fI/usr/share/latent\\-explorer/tools/export_model.py\\fR",
        "exports a trained PyTorch model for the app (python3\\-torch)",
        ".TP", "\\fI/usr/share/doc/latent\\-explorer/\\fR", "the guide and the other documents",
        ".SH SEE ALSO", "\\fI/usr/share/doc/latent\\-explorer/docs/guide.md\\fR",
    ]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(page) + "\n")


if __name__ == "__main__":
    main(*sys.argv[1:4])
