// SPDX-License-Identifier: EUPL-1.2
// Area boundaries drawn with Leaflet from GeoJSON, on a plain background: no tile server, so no
// third-party requests and nothing to credit but the boundaries' own source. This module (and with it
// Leaflet) is loaded only by the pages that show a map.
//
// Accessibility: the map is a labelled region; each area is a focusable link (Tab moves on, Enter
// opens it), focus and hover show the area's name, and focus is never trapped. The table beside the
// map offers the same choices without a map.
import { useEffect, useRef } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { FeatureCollection, Geometry } from 'geojson';

export interface MapArea {
  id: string;
  name: string;
}

export interface AreaMapProps {
  /** Boundaries to draw; feature properties need `id` and `name`. */
  features: FeatureCollection<Geometry, MapArea>;
  /** The map's accessible name. */
  label: string;
  /** Text under the map: a sentence on how to use it (interactive maps only). */
  describedBy?: string;
  /** Interactive: areas are links and the map can be panned and zoomed. */
  onOpen?: (id: string) => void;
  /** An area to highlight, e.g. the table row the reader points at. */
  highlightId?: string | null;
  /** Attribution shown in the map's corner (interactive maps; static maps credit the source beside them). */
  attribution?: string;
  zoomInTitle?: string;
  zoomOutTitle?: string;
  className?: string;
  /** Choropleth: a fill colour per area id (areas without one get the plain fill). */
  fills?: Record<string, string>;
  /** Choropleth: the name a screen reader and the tooltip give each area (e.g. "Blerick: 12,3 %"). */
  labels?: Record<string, string>;
}

function cssColour(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** An area's resting style: the plain outline, or (choropleth) its class colour with a dark outline. */
function restingStyle(id: string, interactive: boolean, fills: Record<string, string> | undefined): L.PathOptions {
  if (fills) {
    const fill = fills[id];
    return { color: '#1a1a1a', weight: 1, opacity: 1, fillColor: fill ?? '#ffffff', fillOpacity: fill ? 0.9 : 0.4 };
  }
  const primary = cssColour('--ww-color-primary', '#1f4e79');
  return { color: primary, weight: interactive ? 1.5 : 2.5, fillColor: primary, fillOpacity: interactive ? 0.12 : 0.2, opacity: 1 };
}

/** Makes an area's SVG path a focusable link named by the area: focus shows its name, Enter opens it. */
function makeKeyboardLink(path: L.Polygon, name: string, base: L.PathOptions, open: () => void, focusStyle: L.PathOptions): void {
  const element = path.getElement() as SVGElement | undefined;
  if (!element || element.hasAttribute('tabindex')) return;
  element.setAttribute('tabindex', '0');
  element.setAttribute('role', 'link');
  element.setAttribute('aria-label', name);
  element.addEventListener('focus', () => {
    path.setStyle(focusStyle);
    path.openTooltip(path.getBounds().getCenter());
  });
  element.addEventListener('blur', () => {
    path.setStyle(base);
    path.closeTooltip();
  });
  element.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      event.stopPropagation();
      open();
    }
  });
}

export default function AreaMap({
  features,
  label,
  describedBy,
  onOpen,
  highlightId,
  attribution,
  zoomInTitle,
  zoomOutTitle,
  className,
  fills,
  labels,
}: AreaMapProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const layersRef = useRef<Map<string, L.Polygon>>(new Map());
  const onOpenRef = useRef(onOpen);
  onOpenRef.current = onOpen;
  const interactive = onOpen !== undefined;

  // The map itself: created once per mount.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const map = L.map(container, {
      zoomControl: false,
      attributionControl: interactive,
      keyboard: interactive,
      dragging: interactive,
      scrollWheelZoom: false,
      doubleClickZoom: interactive,
      touchZoom: interactive,
      boxZoom: interactive,
      zoomSnap: 0.25,
      // Boundaries only: SVG keeps each area an element we can label and focus.
      preferCanvas: false,
    });
    mapRef.current = map;
    if (!interactive) container.removeAttribute('tabindex');
    const observer = new ResizeObserver(() => map.invalidateSize());
    observer.observe(container);
    return () => {
      observer.disconnect();
      map.remove();
      mapRef.current = null;
    };
  }, [interactive]);

  // Zoom buttons, with titles in the reader's language.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !interactive) return;
    const zoom = L.control.zoom({ position: 'topleft', zoomInTitle: zoomInTitle ?? 'Zoom in', zoomOutTitle: zoomOutTitle ?? 'Zoom out' }).addTo(map);
    return () => {
      zoom.remove();
    };
  }, [interactive, zoomInTitle, zoomOutTitle]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map?.attributionControl || !attribution) return;
    const text = escapeHtml(attribution);
    map.attributionControl.addAttribution(text);
    return () => {
      map.attributionControl?.removeAttribution(text);
    };
  }, [attribution]);

  // The boundaries.
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const styleOf = (id: string) => restingStyle(id, interactive, fills);
    // A choropleth keeps its colours on hover and focus; only the outline gets heavier.
    const focusOf = (id: string): L.PathOptions => (fills ? { ...styleOf(id), weight: 3.5 } : { weight: 3, fillOpacity: 0.3 });
    const layers = layersRef.current;
    layers.clear();
    const names = new Map(features.features.map((f) => [f.properties.id, labels?.[f.properties.id] ?? f.properties.name]));
    const group = L.geoJSON<MapArea>(features, {
      style: (feature) => styleOf(feature?.properties.id ?? ''),
      interactive,
      onEachFeature: (feature, layer) => {
        const { id } = feature.properties;
        const name = names.get(id) ?? id;
        const path = layer as L.Polygon;
        const base = styleOf(id);
        layers.set(id, path);
        if (!interactive) return;
        path.bindTooltip(name, { sticky: true, direction: 'top', className: 'ww-map-tooltip' });
        path.on('click', () => onOpenRef.current?.(id));
        path.on('mouseover', () => path.setStyle(focusOf(id)));
        path.on('mouseout', () => path.setStyle(base));
        // The SVG element exists once the layer is on a map with a view.
        path.on('add', () => makeKeyboardLink(path, name, base, () => onOpenRef.current?.(id), focusOf(id)));
      },
    });

    // Set the view first, so the layers are drawn (and get their elements) as they are added.
    const bounds = group.getBounds();
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [8, 8], animate: false });
    else map.setView([51.37, 6.17], 11);
    group.addTo(map);
    return () => {
      group.remove();
      layers.clear();
    };
  }, [features, interactive, fills, labels]);

  // Highlight from outside (the table).
  useEffect(() => {
    if (!highlightId || !interactive) return;
    const path = layersRef.current.get(highlightId);
    if (!path) return;
    path.setStyle(fills ? { weight: 3.5 } : { weight: 3, fillOpacity: 0.35 });
    path.bringToFront();
    path.openTooltip(path.getBounds().getCenter());
    return () => {
      path.setStyle(restingStyle(highlightId, true, fills));
      path.closeTooltip();
    };
  }, [highlightId, interactive, features, fills]);

  return (
    <div
      ref={containerRef}
      className={`ww-map ${interactive ? 'ww-map--interactive' : 'ww-map--static'} ${className ?? ''}`}
      role={interactive ? 'region' : 'img'}
      aria-label={label}
      aria-describedby={describedBy}
    />
  );
}
