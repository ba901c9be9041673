// After a save that failed, the message may be far above the button on a phone: bring the first problem into view.
export function scrollToProblem() {
    const target = document.querySelector('[data-problem], .mud-input-error');
    if (target) {
        target.scrollIntoView({ behavior: 'smooth', block: 'center' });
    }
}
