<?php
/**
 * Dependencies of editor.js (written without a build step; WordPress reads this file).
 *
 * @package Lotse
 * @license GPL-2.0-or-later
 */

return array(
	'dependencies' => array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components' ),
	'version'      => '0.1.0',
);
