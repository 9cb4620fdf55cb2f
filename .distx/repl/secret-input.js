export class SecretInput {
    text = '';
    key(s, key) {
        if (key?.ctrl && (key.name === 'c' || key.name === 'd'))
            return { state: 'cancelled' };
        if (key?.name === 'return' || key?.name === 'enter')
            return { state: 'done', value: this.text };
        if (key?.name === 'backspace')
            this.text = [...this.text].slice(0, -1).join('');
        else if (key?.ctrl && key.name === 'u')
            this.text = '';
        // eslint-disable-next-line no-control-regex
        else if (s && !key?.ctrl && !key?.meta && !/[\x00-\x1f\x7f]/.test(s))
            this.text += s;
        return { state: 'typing' };
    }
}
/** The prompt both front ends show: `Password for admin: `. */
export function secretPrompt(message) {
    return message.endsWith(' ') ? message : `${message} `;
}
