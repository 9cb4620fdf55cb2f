export async function offeredApiNames(reg, unsupported) {
    const hidden = unsupported ? await unsupported().catch(() => undefined) : undefined;
    return hidden?.size ? reg.apiNames().filter((n) => !hidden.has(n)) : reg.apiNames();
}
