import { useCallback, useEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';

import { menuFocus, menuPosition, type MenuRequest, type Point } from './menu';

/** Where a context menu opens for a right-click, or for the keyboard's menu key (at the element's corner). */
export function menuPoint(event: MouseEvent<HTMLElement>): Point {
  if (event.clientX !== 0 || event.clientY !== 0) return { x: event.clientX, y: event.clientY };
  const box = event.currentTarget.getBoundingClientRect();
  return { x: box.left + 8, y: box.top + 8 };
}

/**
 * A context menu at the pointer, kept inside the window. Arrows, Home and End move between its commands, Enter
 * runs one, Esc, Tab, a click or the wheel elsewhere, or leaving the window close it; focus returns where it was.
 */
export function ContextMenu({ request, onClose }: { request: MenuRequest; onClose: () => void }) {
  const menu = useRef<HTMLDivElement | null>(null);
  const opener = useRef<Element | null>(null);

  const close = useCallback(() => {
    const back = opener.current;
    onClose();
    if (back instanceof HTMLElement && back.isConnected) back.focus();
  }, [onClose]);

  const place = useCallback(
    (element: HTMLDivElement | null) => {
      menu.current = element;
      if (!element) return;
      opener.current = document.activeElement;
      const at = menuPosition(
        request.at,
        { width: element.offsetWidth, height: element.offsetHeight },
        { width: window.innerWidth, height: window.innerHeight },
      );
      element.style.left = `${at.x}px`;
      element.style.top = `${at.y}px`;
      element.style.visibility = 'visible';
      element.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
    },
    [request.at],
  );

  useEffect(() => {
    const outside = (event: Event): void => {
      if (!(event.target instanceof Node) || !menu.current?.contains(event.target)) onClose();
    };
    const leave = (): void => {
      onClose();
    };
    window.addEventListener('pointerdown', outside, true);
    // The wheel, not scroll events: bringing a highlighted row into view must not close its menu.
    window.addEventListener('wheel', outside, true);
    window.addEventListener('blur', leave);
    window.addEventListener('resize', leave);
    return () => {
      window.removeEventListener('pointerdown', outside, true);
      window.removeEventListener('wheel', outside, true);
      window.removeEventListener('blur', leave);
      window.removeEventListener('resize', leave);
    };
  }, [onClose]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    // The menu's keys are its own: the wall's shortcuts never see them.
    event.stopPropagation();
    if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      close();
      return;
    }
    const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')];
    const current = buttons.findIndex((button) => button === event.target);
    const next = menuFocus(buttons.length, current, event.key);
    if (next === null) return;
    event.preventDefault();
    buttons[next]?.focus();
  };

  return (
    <div
      ref={place}
      className="context-menu"
      role="menu"
      aria-label={request.title}
      data-testid="context-menu"
      onKeyDown={onKeyDown}
      onContextMenu={(event) => {
        event.preventDefault();
      }}
    >
      <div className="context-menu-title">
        <strong>{request.title}</strong>
        {request.subtitle && <small>{request.subtitle}</small>}
      </div>
      {request.items.map((item) => (
        <button
          key={item.label}
          type="button"
          role="menuitem"
          className={item.danger ? 'danger' : undefined}
          disabled={item.disabled}
          data-testid={item.testId}
          onClick={() => {
            close();
            item.onSelect();
          }}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
