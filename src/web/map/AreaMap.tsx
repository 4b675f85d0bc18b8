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
}

function cssColour(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Makes an area's SVG path a focusable link named by the area: focus shows its name, Enter opens it. */
function makeKeyboardLink(path: L.Polygon, name: string, base: L.PathOptions, open: () => void): void {
  const element = path.getElement() as SVGElement | undefined;
  if (!element || element.hasAttribute('tabindex')) return;
  element.setAttribute('tabindex', '0');
  element.setAttribute('role', 'link');
  element.setAttribute('aria-label', name);
  element.addEventListener('focus', () => {
    path.setStyle({ weight: 3, fillOpacity: 0.3 });
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

export default function AreaMap({ features, label, describedBy, onOpen, highlightId, attribution, zoomInTitle, zoomOutTitle, className }: AreaMapProps) {
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
    const primary = cssColour('--ww-color-primary', '#1f4e79');
    const base: L.PathOptions = { color: primary, weight: interactive ? 1.5 : 2.5, fillColor: primary, fillOpacity: interactive ? 0.12 : 0.2, opacity: 1 };
    const layers = layersRef.current;
    layers.clear();
    const names = new Map(features.features.map((f) => [f.properties.id, f.properties.name]));
    const group = L.geoJSON<MapArea>(features, {
      style: () => base,
      interactive,
      onEachFeature: (feature, layer) => {
        const { id, name } = feature.properties;
        const path = layer as L.Polygon;
        layers.set(id, path);
        if (!interactive) return;
        path.bindTooltip(name, { sticky: true, direction: 'top', className: 'ww-map-tooltip' });
        path.on('click', () => onOpenRef.current?.(id));
        path.on('mouseover', () => path.setStyle({ weight: 3, fillOpacity: 0.3 }));
        path.on('mouseout', () => path.setStyle(base));
        // The SVG element exists once the layer is on a map with a view.
        path.on('add', () => makeKeyboardLink(path, names.get(id) ?? id, base, () => onOpenRef.current?.(id)));
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
  }, [features, interactive]);

  // Highlight from outside (the table).
  useEffect(() => {
    if (!highlightId || !interactive) return;
    const path = layersRef.current.get(highlightId);
    if (!path) return;
    path.setStyle({ weight: 3, fillOpacity: 0.35 });
    path.bringToFront();
    path.openTooltip(path.getBounds().getCenter());
    return () => {
      const primary = cssColour('--ww-color-primary', '#1f4e79');
      path.setStyle({ color: primary, weight: 1.5, fillOpacity: 0.12 });
      path.closeTooltip();
    };
  }, [highlightId, interactive, features]);

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
