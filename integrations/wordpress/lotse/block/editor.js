/**
 * Lotse block in the block editor, without a build step (plain script, WordPress globals).
 * The block is dynamic: nothing is saved but its settings; PHP writes the widget on display.
 *
 * @license GPL-2.0-or-later
 */
(function (wp) {
  'use strict';
  var el = wp.element.createElement;
  var Fragment = wp.element.Fragment;
  var be = wp.blockEditor;
  var c = wp.components;

  var WIDGETS = [
    { value: 'service-finder', label: 'Angebote suchen' },
    { value: 'hours-map', label: 'Sprechzeiten und Karte' },
    { value: 'quick-check', label: 'Schnell-Check' },
    { value: 'contact-form', label: 'Kontaktformular' },
  ];
  var LANGUAGES = [
    { value: '', label: 'Wahl der Besucherin (Standard)' },
    { value: 'de', label: 'Deutsch' },
    { value: 'en', label: 'English' },
    { value: 'ro', label: 'Română' },
    { value: 'bg', label: 'Български' },
    { value: 'tr', label: 'Türkçe' },
    { value: 'ar', label: 'العربية' },
    { value: 'uk', label: 'Українська' },
    { value: 'pl', label: 'Polski' },
  ];

  function labelOf(widget) {
    for (var i = 0; i < WIDGETS.length; i++) {
      if (WIDGETS[i].value === widget) return WIDGETS[i].label;
    }
    return widget;
  }

  /** A short line of what is set, for the box in the editor. */
  function summary(a) {
    var parts = [];
    if (a.lang) parts.push('Sprache: ' + a.lang);
    if (a.widget === 'service-finder') {
      if (a.categories) parts.push('Themen: ' + a.categories);
      if (a.district) parts.push('Stadtteil: ' + a.district);
      if (a.view === 'compact') parts.push('kompakt');
      if (a.pageSize) parts.push(a.pageSize + ' Treffer je Seite');
    }
    if (a.widget === 'contact-form' && a.service) parts.push('Angebot: ' + a.service);
    if (a.widget === 'hours-map' && a.showMap) parts.push('Karte gleich öffnen');
    if (a.urlState && (a.widget === 'service-finder' || a.widget === 'quick-check')) parts.push('in der Adresse merken');
    if (a.feed) parts.push('eigener Feed');
    return parts.join(' · ');
  }

  function text(props, name, label, help) {
    return el(c.TextControl, {
      label: label,
      help: help,
      value: props.attributes[name] || '',
      onChange: function (value) {
        var next = {};
        next[name] = value;
        props.setAttributes(next);
      },
    });
  }

  function toggle(props, name, label, help) {
    return el(c.ToggleControl, {
      label: label,
      help: help,
      checked: Boolean(props.attributes[name]),
      onChange: function (value) {
        var next = {};
        next[name] = value;
        props.setAttributes(next);
      },
    });
  }

  function controls(props) {
    var a = props.attributes;
    var list = [
      el(c.SelectControl, {
        key: 'widget',
        label: 'Widget',
        value: a.widget,
        options: WIDGETS,
        onChange: function (value) {
          props.setAttributes({ widget: value });
        },
      }),
      el(c.SelectControl, {
        key: 'lang',
        label: 'Sprache',
        value: a.lang || '',
        options: LANGUAGES,
        onChange: function (value) {
          props.setAttributes({ lang: value });
        },
      }),
    ];
    if (a.widget === 'service-finder') {
      list.push(
        el(
          Fragment,
          { key: 'finder' },
          text(props, 'categories', 'Themen vorauswählen', 'Zum Beispiel: health,family'),
          text(props, 'district', 'Stadtteil vorauswählen', 'Die ID aus dem Feed, z. B. nordviertel'),
          el(c.SelectControl, {
            label: 'Ansicht',
            value: a.view || '',
            options: [
              { value: '', label: 'Karten (Standard)' },
              { value: 'compact', label: 'Eine Zeile je Angebot' },
            ],
            onChange: function (value) {
              props.setAttributes({ view: value });
            },
          }),
          el(c.TextControl, {
            label: 'Treffer vor „Mehr zeigen“',
            type: 'number',
            min: 1,
            max: 500,
            value: a.pageSize || '',
            onChange: function (value) {
              var n = parseInt(value, 10);
              props.setAttributes({ pageSize: n > 0 ? n : undefined });
            },
          }),
          toggle(props, 'urlState', 'Suche in der Adresse merken', 'Zum Teilen und für Lesezeichen'),
        ),
      );
    }
    if (a.widget === 'quick-check') {
      list.push(el(Fragment, { key: 'check' }, toggle(props, 'urlState', 'Antworten in der Adresse merken')));
    }
    if (a.widget === 'hours-map') {
      list.push(
        el(
          Fragment,
          { key: 'map' },
          toggle(props, 'showMap', 'Karte gleich öffnen', 'Die Karte wartet trotzdem auf die Zustimmung der Besucherin.'),
        ),
      );
    }
    if (a.widget === 'contact-form') {
      list.push(
        el(
          Fragment,
          { key: 'contact' },
          text(props, 'service', 'Angebot vorauswählen', 'Die ID aus dem Feed, z. B. clearingstelle-gesundheit'),
        ),
      );
    }
    list.push(
      el(
        Fragment,
        { key: 'feed' },
        text(
          props,
          'feed',
          'Eigene Feed-Adresse (optional)',
          'Leer: der Feed aus Einstellungen → Lotse. Erlaubt: ein Pfad dieser Website (/…) oder https://…',
        ),
      ),
    );
    return list;
  }

  wp.blocks.registerBlockType('lotse/widget', {
    variations: WIDGETS.map(function (w) {
      return {
        name: w.value,
        title: 'Lotse: ' + w.label,
        attributes: { widget: w.value },
        scope: ['inserter', 'transform'],
        isActive: function (blockAttributes, variationAttributes) {
          return blockAttributes.widget === variationAttributes.widget;
        },
      };
    }),
    edit: function (props) {
      var blockProps = be.useBlockProps({
        style: { border: '1px dashed currentColor', padding: '1em', borderRadius: '4px' },
      });
      var line = summary(props.attributes);
      return el(
        Fragment,
        null,
        el(be.InspectorControls, null, el(c.PanelBody, { title: 'Einstellungen', initialOpen: true }, controls(props))),
        el(
          'div',
          blockProps,
          el('strong', null, 'Lotse: ' + labelOf(props.attributes.widget)),
          line ? el('p', { style: { margin: '0.5em 0 0' } }, line) : null,
          el(
            'p',
            { style: { margin: '0.5em 0 0', opacity: 0.75 } },
            'Das Widget erscheint auf der veröffentlichten Seite. Einstellungen: Seitenleiste rechts.',
          ),
        ),
      );
    },
    save: function () {
      return null;
    },
  });
})(window.wp);
