// The printable report page: its Print button (no inline script, so the page keeps the panel's CSP).
document.getElementById('print')?.addEventListener('click', () => window.print());
