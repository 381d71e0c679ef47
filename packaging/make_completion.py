#!/usr/bin/env python3
"""Writes the bash completion of latent-explorer from the binary's own --help: subcommands,
each command's options, and file names for options that take a path.
Usage: make_completion.py EXE OUT"""
import sys

from cli_help import read_cli


def words(command):
    return " ".join(n for o in command.options for n in o.names)


def main(exe, path):
    program, subcommands = read_cli(exe)
    cases = "\n".join(f'        {sub.name}) opts="{words(sub)}" ;;' for sub in subcommands)
    choice_cases = []  # "project/--metric": an option's values, where its help lists them
    for command in [program, *subcommands]:
        for o in command.options:
            if "{" in o.argument:  # TEXT:{crop,resize}=crop
                values = o.argument.split("{", 1)[1].split("}", 1)[0].replace(",", " ")
                pattern = "|".join(f"{command.name}/{n}" for n in o.names)
                choice_cases.append(f'        {pattern}) COMPREPLY=($(compgen -W "{values}" -- "$cur")); return ;;')
    choice_cases = "\n".join(choice_cases)
    flags = sorted({n for c in [program, *subcommands] for o in c.options if not o.argument for n in o.names})
    script = f"""# bash completion for latent-explorer (generated from its --help)
_latent_explorer() {{
    local cur=${{COMP_WORDS[COMP_CWORD]}} prev=${{COMP_WORDS[COMP_CWORD-1]}} sub="" opts word
    for word in "${{COMP_WORDS[@]:1:COMP_CWORD-1}}"; do
        case $word in {"|".join(s.name for s in subcommands)}) sub=$word; break ;; esac
    done
    case $sub/$prev in
{choice_cases}
    esac
    case $sub in
{cases}
        *) opts="{words(program)}" ;;
    esac
    # After an option that takes a value: a file name. Else an option, or a subcommand.
    if [[ $prev == -* && " {" ".join(flags)} " != *" $prev "* && $cur != -* ]]; then
        COMPREPLY=($(compgen -f -- "$cur"))
    elif [[ $cur == -* || -n $sub ]]; then
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    else
        COMPREPLY=($(compgen -W "{" ".join(s.name for s in subcommands)}" -- "$cur"))
    fi
}}
complete -o filenames -F _latent_explorer latent-explorer
"""
    with open(path, "w", encoding="utf-8") as f:
        f.write(script)


if __name__ == "__main__":
    main(*sys.argv[1:3])
