# bash completion for zstack-cli.
# Candidates come from `zstack-cli __complete -- <line before cursor>`, the same engine as the shell's
# Tab: one candidate per line, `word<TAB>description`, where word is the whole shell word.
# readline replaces only the text after the last word-break character (COMP_WORDBREAKS: `=`, `:`,
# quotes...) of the word at the cursor, so that much of the word is cut from each candidate.
_zstack_cli() {
    local line="${COMP_LINE:0:COMP_POINT}"
    local word="${line##*[[:space:]]}"
    local breaks="${COMP_WORDBREAKS//[[:space:]]/}"
    local text="$word"
    [[ -n "$breaks" ]] && text="${word##*[$breaks]}"
    local strip=$(( ${#word} - ${#text} ))
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
