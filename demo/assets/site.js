// The host page's own switches: elder mode (适老化) and language. Banshi widgets follow the page:
// `data-banshi-elder` on <html> turns on their elder figures, and they watch the nearest `lang`.
const root = document.documentElement;
const elderKey = 'demo-site-elder';
const langKey = 'demo-site-lang';

function applyElder(on) {
  if (on) root.setAttribute('data-banshi-elder', '');
  else root.removeAttribute('data-banshi-elder');
  document.querySelectorAll('[data-switch="elder"]').forEach((button) => {
    button.setAttribute('aria-pressed', String(on));
  });
}

/**
 * The site's own words (header, navigation, footer, page title and heading) in `lang`: an element with
 * `data-en` shows that text in English and its Chinese (kept in `data-zh`) otherwise; `data-en-label`
 * does the same for `aria-label`.
 */
function translateSite(lang) {
  const english = lang === 'en';
  // The pages are written in Chinese: nothing to rewrite until they have been shown in English.
  if (!english && !document.querySelector('[data-zh]')) return;
  document.querySelectorAll('[data-en]').forEach((element) => {
    if (!element.hasAttribute('data-zh')) element.setAttribute('data-zh', element.textContent.trim());
    element.textContent = element.getAttribute(english ? 'data-en' : 'data-zh');
  });
  document.querySelectorAll('[data-en-label]').forEach((element) => {
    if (!element.hasAttribute('data-zh-label'))
      element.setAttribute('data-zh-label', element.getAttribute('aria-label'));
    element.setAttribute('aria-label', element.getAttribute(english ? 'data-en-label' : 'data-zh-label'));
  });
}

function applyLang(lang) {
  root.lang = lang;
  translateSite(lang);
  document.querySelectorAll('[data-switch="lang"]').forEach((button) => {
    button.textContent = lang === 'en' ? '中文' : 'English';
    button.setAttribute('lang', lang === 'en' ? 'zh-CN' : 'en');
  });
}

applyElder(localStorage.getItem(elderKey) === '1');
applyLang(localStorage.getItem(langKey) || 'zh-CN');

document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('[data-switch]') : null;
  if (!button) return;
  if (button.dataset.switch === 'elder') {
    const on = !root.hasAttribute('data-banshi-elder');
    localStorage.setItem(elderKey, on ? '1' : '0');
    applyElder(on);
  } else if (button.dataset.switch === 'lang') {
    const lang = root.lang === 'en' ? 'zh-CN' : 'en';
    localStorage.setItem(langKey, lang);
    applyLang(lang);
  }
});

// Pages that take an item code or case number from the address (guide.html?code=…) hand it on to the
// widget, so a CMS can link to one page per widget instead of one page per item.
const params = new URLSearchParams(location.search);
document.querySelectorAll('[data-from-query]').forEach((element) => {
  for (const pair of element.getAttribute('data-from-query').split(',')) {
    const [param, attribute] = pair.split(':');
    const value = params.get(param);
    if (value) element.setAttribute(attribute || param, value);
  }
});
