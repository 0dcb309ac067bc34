// The script every page loads: Bootstrap (styles, the phone menu), htmx for partial updates, and small helpers.
import 'bootstrap/dist/css/bootstrap.min.css';
import 'bootstrap/js/dist/collapse';
import htmx from 'htmx.org';
import './app.css';

window.htmx = htmx;

// Ask before destructive actions: <button data-confirm="真的要撤回吗？">
document.addEventListener('submit', (event) => {
  const form = event.target;
  const button = event.submitter;
  const question = (button && button.dataset.confirm) || form.dataset.confirm;
  if (question && !window.confirm(question)) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }
}, true);

// Product / technology picker: a click on an option adds it to the chosen list as a checked checkbox.
document.addEventListener('click', (event) => {
  const option = event.target.closest('[data-pick-code]');
  if (!option) return;
  // the picker's own chosen list (a page may have several pickers), else the page's one
  const picker = option.closest('[data-picker]');
  const chosen = (picker && picker.querySelector('[data-chosen]')) || document.getElementById('chosen');
  const field = option.dataset.pickField;
  const code = option.dataset.pickCode;
  // already in the form (chosen before, or one of a need's proposed codes): tick it again rather than add it twice
  const there = (option.closest('form') || chosen).querySelector(`input[type=checkbox][name="${field}"][value="${CSS.escape(code)}"]`);
  if (there) {
    if (!there.checked) {
      there.checked = true;
      there.dispatchEvent(new Event('change', { bubbles: true }));
    }
    return;
  }
  const label = document.createElement('label');
  label.className = 'btn btn-sm btn-outline-primary';
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.className = 'form-check-input me-1';
  box.name = field;
  box.value = code;
  box.checked = true;
  const name = document.createElement('input');
  name.type = 'hidden';
  name.name = field === 'technologyCodes' ? 'technologyLabels' : 'productLabels';
  name.value = option.dataset.pickLabel;
  label.append(box, document.createTextNode(option.dataset.pickLabel), name);
  chosen.append(label);
});

// Enter in a picker's search box searches there and then, and does not send the form the picker sits in.
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter' || !event.target.matches('[data-picker] input[type=search]')) return;
  event.preventDefault();
  htmx.trigger(event.target, 'search');
});

// Upload progress for forms marked data-upload-progress (htmx reports the bytes sent).
document.addEventListener('htmx:xhr:progress', (event) => {
  const form = event.target.closest('[data-upload-progress]');
  if (!form || !event.detail.lengthComputable) return;
  form.querySelector('[data-progress]').classList.remove('d-none');
  form.querySelector('progress').value = Math.round((event.detail.loaded / event.detail.total) * 100);
});

// Long work behind a plain form post (scheduling): show it is working and stop a second click.
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!form.matches('[data-busy]') || event.defaultPrevented) return;
  form.querySelector('[data-busy-spinner]')?.classList.remove('d-none');
  form.querySelectorAll('button').forEach((b) => { b.disabled = true; });
});

// Type-to-filter a list: <input data-filter="#list li">
document.addEventListener('input', (event) => {
  const selector = event.target.dataset && event.target.dataset.filter;
  if (!selector) return;
  const needle = event.target.value.trim();
  document.querySelectorAll(selector).forEach((item) => {
    item.classList.toggle('d-none', needle !== '' && !item.textContent.includes(needle));
  });
});

// An unticked chosen item leaves the form with its name, so codes and names stay in step.
document.addEventListener('change', (event) => {
  const box = event.target;
  if (!box.matches('[data-chosen] input[type=checkbox], #chosen input[type=checkbox]')) return;
  const name = box.parentElement.querySelector('input[type=hidden]');
  if (name) name.disabled = !box.checked;
});
