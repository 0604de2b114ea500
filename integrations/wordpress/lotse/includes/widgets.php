<?php
/**
 * The widgets on pages: the block "Lotse" (lotse/widget), the shortcode [lotse], the script
 * (as a module, once per page, only where a widget is), and raw <lotse-…> tags.
 *
 * Why editors without `unfiltered_html` can use it: the post content holds only a block
 * comment (<!-- wp:lotse/widget {…} /-->) or a shortcode, which KSES keeps. The <lotse-…> tag
 * is written by PHP when the page is shown, from a fixed list of attributes per widget, each
 * checked and escaped. The script is never in the content.
 *
 * @package Lotse
 * @license GPL-2.0-or-later
 */

defined( 'ABSPATH' ) || exit;

/** The languages a widget can be fixed to. */
const LOTSE_LANGUAGES = array( 'de', 'en', 'ro', 'bg', 'tr', 'ar', 'uk', 'pl' );

/**
 * The four widgets: tag, German label, and the attributes an editor may set (besides `lang`
 * and `feed`, which every widget has). Everything else comes from Settings → Lotse.
 */
function lotse_widgets() {
	return array(
		'service-finder' => array(
			'tag'        => 'lotse-service-finder',
			'label'      => 'Angebote suchen',
			'attributes' => array( 'categories', 'district', 'view', 'page-size', 'url-state' ),
		),
		'hours-map'      => array(
			'tag'        => 'lotse-hours-map',
			'label'      => 'Sprechzeiten und Karte',
			'attributes' => array( 'show-map' ),
		),
		'quick-check'    => array(
			'tag'        => 'lotse-quick-check',
			'label'      => 'Schnell-Check',
			'attributes' => array( 'url-state' ),
		),
		'contact-form'   => array(
			'tag'        => 'lotse-contact-form',
			'label'      => 'Kontaktformular',
			'attributes' => array( 'service' ),
		),
	);
}

/** Attributes without a value. */
const LOTSE_FLAGS = array( 'url-state', 'show-map' );

/**
 * One attribute value, checked: the clean value, true for a set flag, or null to drop it.
 *
 * @param string $name  Attribute name (kebab-case).
 * @param mixed  $value What the editor entered.
 */
function lotse_clean_attribute( $name, $value ) {
	if ( in_array( $name, LOTSE_FLAGS, true ) ) {
		if ( is_bool( $value ) ) {
			return $value ? true : null;
		}
		return in_array( strtolower( trim( (string) $value ) ), array( '', '1', 'true', 'yes', 'ja', 'on', $name ), true ) ? true : null;
	}
	if ( ! is_scalar( $value ) ) {
		return null;
	}
	$value = trim( (string) $value );
	if ( '' === $value ) {
		return null;
	}
	switch ( $name ) {
		case 'lang':
			$value = strtolower( $value );
			return in_array( $value, LOTSE_LANGUAGES, true ) ? $value : null;
		case 'feed':
			return lotse_is_allowed_url( $value ) ? $value : null;
		case 'categories':
			$value = strtolower( preg_replace( '/\s+/', '', $value ) );
			return strlen( $value ) <= 300 && preg_match( '/^[a-z0-9-]+(,[a-z0-9-]+)*$/', $value ) ? $value : null;
		case 'district':
		case 'service':
			return preg_match( '/^[A-Za-z0-9._-]{1,128}$/', $value ) ? $value : null;
		case 'view':
			return in_array( $value, array( 'list', 'compact' ), true ) ? $value : null;
		case 'page-size':
			$number = (int) $value;
			return ctype_digit( $value ) && $number >= 1 && $number <= 500 ? (string) $number : null;
	}
	return null;
}

/**
 * The attributes the settings add: the feed when none is given, the contact form's endpoint,
 * privacy link and retention, the map's tiles.
 *
 * @param string $widget Widget key.
 */
function lotse_settings_attributes( $widget ) {
	$settings = lotse_settings();
	$extra    = array( 'feed' => lotse_feed_url() );
	if ( 'contact-form' === $widget ) {
		$extra['endpoint']       = lotse_endpoint_url();
		$extra['retention-days'] = (string) (int) $settings['retention_days'];
		$privacy                 = '' !== $settings['privacy_url'] ? $settings['privacy_url'] : wp_make_link_relative( (string) get_privacy_policy_url() );
		if ( '' !== $privacy ) {
			$extra['privacy-url'] = $privacy;
		}
	}
	if ( 'hours-map' === $widget && '' !== $settings['tiles'] ) {
		$extra['tiles'] = $settings['tiles'];
		if ( '' !== $settings['attribution'] ) {
			$extra['attribution'] = $settings['attribution'];
		}
	}
	return $extra;
}

/**
 * The HTML of one widget. Unknown widgets and attributes are dropped; every value is checked
 * and escaped. People who can edit posts see a short hint for an unknown widget.
 *
 * @param string $widget Widget key, e.g. "service-finder".
 * @param array  $given  Attribute name (kebab-case) → value.
 */
function lotse_widget_html( $widget, array $given ) {
	$widgets = lotse_widgets();
	$widget  = strtolower( trim( (string) $widget ) );
	if ( ! isset( $widgets[ $widget ] ) ) {
		if ( current_user_can( 'edit_posts' ) ) {
			return '<p class="lotse-editor-hint">' . esc_html( 'Lotse: Dieses Widget gibt es nicht. Erlaubt sind service-finder, hours-map, quick-check und contact-form.' ) . '</p>';
		}
		return '';
	}
	$definition = $widgets[ $widget ];
	$attributes = array();
	foreach ( array_merge( array( 'lang', 'feed' ), $definition['attributes'] ) as $name ) {
		if ( array_key_exists( $name, $given ) ) {
			$value = lotse_clean_attribute( $name, $given[ $name ] );
			if ( null !== $value ) {
				$attributes[ $name ] = $value;
			}
		}
	}
	// The settings' values first; a feed the editor gave replaces the default one. The contact
	// endpoint, privacy link, retention and map tiles are not in any editor list above, so
	// they always come from the settings.
	$attributes = array_merge( lotse_settings_attributes( $widget ), $attributes );

	lotse_enqueue_script();

	$html = '<' . $definition['tag'];
	foreach ( $attributes as $name => $value ) {
		$html .= true === $value ? ' ' . esc_attr( $name ) : sprintf( ' %s="%s"', esc_attr( $name ), esc_attr( $value ) );
	}
	return $html . '></' . $definition['tag'] . '>';
}

// ---- Shortcode ----------------------------------------------------------------------------

add_shortcode( 'lotse', 'lotse_shortcode' );

/**
 * [lotse widget="service-finder" categories="health" lang="ro"], flags as `url-state` or
 * `url-state="1"`; `page_size`, `pagesize` and `page-size` are the same.
 *
 * @param array|string $atts Shortcode attributes (WordPress lower-cases the names).
 */
function lotse_shortcode( $atts ) {
	$atts  = is_array( $atts ) ? $atts : array();
	$given = array();
	foreach ( $atts as $name => $value ) {
		if ( is_int( $name ) ) { // a bare word such as url-state
			$name  = (string) $value;
			$value = true;
		}
		$name           = str_replace( '_', '-', strtolower( (string) $name ) );
		$aliases        = array(
			'pagesize' => 'page-size',
			'showmap'  => 'show-map',
			'urlstate' => 'url-state',
		);
		$name           = $aliases[ $name ] ?? $name;
		$given[ $name ] = $value;
	}
	$widget = (string) ( $given['widget'] ?? '' );
	unset( $given['widget'] );
	return lotse_widget_html( $widget, $given );
}

// ---- Block --------------------------------------------------------------------------------

add_action( 'init', 'lotse_register_block' );

function lotse_register_block() {
	register_block_type(
		LOTSE_DIR . 'block',
		array( 'render_callback' => 'lotse_render_block' )
	);
}

/**
 * Server-side render of lotse/widget: block attributes (camelCase) → widget attributes.
 *
 * @param array $attributes Block attributes.
 */
function lotse_render_block( $attributes ) {
	$map   = array(
		'lang'       => 'lang',
		'feed'       => 'feed',
		'categories' => 'categories',
		'district'   => 'district',
		'view'       => 'view',
		'pageSize'   => 'page-size',
		'urlState'   => 'url-state',
		'showMap'    => 'show-map',
		'service'    => 'service',
	);
	$given = array();
	foreach ( $map as $from => $to ) {
		if ( isset( $attributes[ $from ] ) ) {
			$given[ $to ] = $attributes[ $from ];
		}
	}
	$inner = lotse_widget_html( (string) ( $attributes['widget'] ?? 'service-finder' ), $given );
	if ( '' === $inner ) {
		return '';
	}
	return sprintf( '<div %s>%s</div>', get_block_wrapper_attributes(), $inner );
}

// ---- Script -------------------------------------------------------------------------------

/**
 * Enqueue lotse.js as a module; called while a widget is rendered, so pages without one do
 * not load it. WordPress prints one tag per handle, however many widgets there are.
 */
function lotse_enqueue_script() {
	$src = plugins_url( 'assets/lotse/lotse.js', LOTSE_FILE );
	if ( function_exists( 'wp_enqueue_script_module' ) ) { // WordPress 6.5+
		wp_enqueue_script_module( 'lotse', $src, array(), LOTSE_VERSION );
		return;
	}
	wp_enqueue_script( 'lotse', $src, array(), LOTSE_VERSION, true );
}

add_filter( 'script_loader_tag', 'lotse_module_tag', 10, 2 );

/**
 * Before WordPress 6.5: make our classic script tag a module script.
 *
 * @param string $tag    The <script> tag.
 * @param string $handle Its handle.
 */
function lotse_module_tag( $tag, $handle ) {
	if ( 'lotse' !== $handle ) {
		return $tag;
	}
	$tag = preg_replace( '/\stype=(["\'])[^"\']*\1/', '', $tag );
	return preg_replace( '/<script\b/', '<script type="module"', $tag, 1 );
}

// ---- Raw <lotse-…> tags in the content ---------------------------------------------------

add_filter( 'wp_kses_allowed_html', 'lotse_kses_allow_tags', 10, 2 );

/**
 * Keep <lotse-…> tags (with the attributes an editor may set) when someone without
 * `unfiltered_html` saves a page that an administrator wrote with raw HTML. `feed`, `endpoint`
 * and the rest are not kept: on display they come from Settings → Lotse (see below), so an
 * editor cannot point a form at another server.
 *
 * @param array  $tags    Allowed tags.
 * @param string $context KSES context.
 */
function lotse_kses_allow_tags( $tags, $context ) {
	if ( 'post' !== $context ) {
		return $tags;
	}
	foreach ( lotse_widgets() as $definition ) {
		$allowed = array(
			'lang'  => true,
			'id'    => true,
			'class' => true,
		);
		foreach ( $definition['attributes'] as $name ) {
			$allowed[ $name ] = true;
		}
		$tags[ $definition['tag'] ] = $allowed;
	}
	return $tags;
}

add_filter( 'the_content', 'lotse_complete_raw_tags', 20 );
add_filter( 'widget_block_content', 'lotse_complete_raw_tags', 20 );

/**
 * Raw <lotse-…> tags in the shown content: load the script, and add the settings' feed
 * (when the tag has neither a feed attribute nor an inline feed) and the contact form's
 * endpoint, privacy link and retention when missing. Attributes already there stay.
 *
 * @param string $content Rendered content.
 */
function lotse_complete_raw_tags( $content ) {
	if ( ! is_string( $content ) || false === strpos( $content, '<lotse-' ) ) {
		return $content;
	}
	$by_tag = array();
	foreach ( lotse_widgets() as $key => $definition ) {
		$by_tag[ $definition['tag'] ] = $key;
	}
	$pattern = '/<(lotse-(?:service-finder|hours-map|quick-check|contact-form))(\s[^>]*)?>(\s*<script\b[^>]*application\/json)?/i';
	$found   = false;
	$content = preg_replace_callback(
		$pattern,
		function ( $m ) use ( $by_tag, &$found ) {
			$found      = true;
			$tag        = strtolower( $m[1] );
			$attributes = $m[2] ?? '';
			$inline     = ! empty( $m[3] );
			$add        = '';
			foreach ( lotse_settings_attributes( $by_tag[ $tag ] ) as $name => $value ) {
				if ( 'feed' === $name && $inline ) {
					continue;
				}
				if ( ! preg_match( '/\s' . preg_quote( $name, '/' ) . '(\s*=|\s|$)/i', $attributes ) ) {
					$add .= sprintf( ' %s="%s"', esc_attr( $name ), esc_attr( $value ) );
				}
			}
			return '<' . $m[1] . $attributes . $add . '>' . ( $m[3] ?? '' );
		},
		$content
	);
	if ( $found ) {
		lotse_enqueue_script();
	}
	return $content;
}
