# bash completion for zstack-cli.
# Candidates come from `zstack-cli __complete -- <line before cursor>`, the same engine as the shell's
# Tab: one candidate per line, `word<TAB>description`, where word is the whole shell word.
# bash splits words at `=` and `:` (COMP_WORDBREAKS), so the part of the word before bash's current
# word is cut from each candidate.
_zstack_cli() {
    local line="${COMP_LINE:0:COMP_POINT}"
    local cur="${COMP_WORDS[COMP_CWORD]}"
    local word="${line##*[[:space:]]}"
    # When the cursor follows a blank, bash's current word is empty.
    [[ "$line" =~ [[:space:]]$ ]] && { word=""; cur=""; }
    # bash may report a wordbreak (`=`, `:`) as the word while the zstack word goes on before it.
    [[ "$word" == *"$cur" ]] || cur=""
    local strip=$(( ${#word} - ${#cur} ))
    local out
    out="$(command "${COMP_WORDS[0]}" __complete -- "$line" 2>/dev/null)" || return 0
    COMPREPLY=()
    local nospace="" cand
    local IFS=$'\n'
    for cand in $out; do
        cand="${cand%%$'\t'*}"
        [[ -z "$cand" ]] && continue
        [[ "$cand" == *[=.,] ]] && nospace=1
        COMPREPLY+=("${cand:$strip}")
    done
    [[ -n "$nospace" ]] && compopt -o nospace 2>/dev/null
    return 0
}
complete -F _zstack_cli zstack-cli
