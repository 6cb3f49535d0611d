/**
 * One packed box in 3D: the box as a wireframe, each item a coloured block, orbit with the mouse.
 * The scene renders on demand (orbit, hover, step changes) rather than every frame, so an idle
 * page costs nothing. Every geometry, material and the renderer are disposed on unmount.
 */
import { useEffect, useRef, useState } from 'react';
import {
  AmbientLight, BoxGeometry, Color, DirectionalLight, EdgesGeometry, Group, LineBasicMaterial, LineSegments, Mesh,
  MeshBasicMaterial, MeshStandardMaterial, PerspectiveCamera, PlaneGeometry, Raycaster, Scene, Vector2, Vector3, WebGLRenderer,
} from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { itemKey, type PackedBox } from './types';

interface Props {
  box: PackedBox;
  colours: Map<string, string>;
  /** items with seq above this are hidden: replays the packing step by step */
  visibleUpTo: number;
  highlight: number | null;
  onHover?: (seq: number | null) => void;
  height?: number;
}

interface SceneRefs {
  renderer: WebGLRenderer;
  render: () => void;
  items: { seq: number; mesh: Mesh; edges: LineSegments; material: MeshStandardMaterial }[];
}

export function BoxView3D({ box, colours, visibleUpTo, highlight, onHover, height = 420 }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const scene = useRef<SceneRefs | null>(null);
  const hover = useRef(onHover);
  hover.current = onHover;
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    let renderer: WebGLRenderer;
    try {
      renderer = new WebGLRenderer({ antialias: true, alpha: true });
    } catch (e) {
      setFailed((e as Error).message || 'WebGL is not available');
      return;
    }
    const disposables: { dispose(): void }[] = [];
    const keep = <T extends { dispose(): void }>(d: T): T => {
      disposables.push(d);
      return d;
    };
    renderer.setPixelRatio(Math.min(window.devicePixelRatio, 2));
    renderer.domElement.dataset.testid = 'packing-canvas';
    el.appendChild(renderer.domElement);

    const W = box.inner.widthMm, L = box.inner.lengthMm, H = box.inner.heightMm;
    const world = new Scene();
    world.add(new AmbientLight(0xffffff, 1.6));
    const sun = new DirectionalLight(0xffffff, 1.8);
    sun.position.set(W, H * 3 + 400, L * 2);
    world.add(sun);
    const fill = new DirectionalLight(0xffffff, 0.6);
    fill.position.set(-W * 2, H, -L);
    world.add(fill);

    // engine axes: x along the width, y along the length, z up; three.js has y up
    const root = new Group();
    root.position.set(-W / 2, 0, -L / 2);
    world.add(root);

    const shell = new LineSegments(keep(new EdgesGeometry(keep(new BoxGeometry(W, H, L)))), keep(new LineBasicMaterial({ color: 0x344054 })));
    shell.position.set(W / 2, H / 2, L / 2);
    root.add(shell);
    const floor = new Mesh(keep(new PlaneGeometry(W, L)), keep(new MeshBasicMaterial({ color: 0xc8a36a, transparent: true, opacity: 0.25 })));
    floor.rotation.x = -Math.PI / 2;
    floor.position.set(W / 2, 0.5, L / 2);
    root.add(floor);

    const edgeMaterial = keep(new LineBasicMaterial({ color: 0x101828, transparent: true, opacity: 0.45 }));
    const items: SceneRefs['items'] = [];
    for (const p of box.items) {
      const gap = Math.min(2, 0.03 * Math.min(p.widthMm, p.lengthMm, p.heightMm));
      const geometry = keep(new BoxGeometry(Math.max(1, p.widthMm - gap), Math.max(1, p.heightMm - gap), Math.max(1, p.lengthMm - gap)));
      const material = keep(new MeshStandardMaterial({ color: new Color(colours.get(itemKey(p)) ?? '#4f7fe8'), roughness: 0.75, metalness: 0.05, transparent: true, opacity: 1 }));
      const mesh = new Mesh(geometry, material);
      mesh.position.set(p.xMm + p.widthMm / 2, p.zMm + p.heightMm / 2, p.yMm + p.lengthMm / 2);
      mesh.userData.seq = p.seq;
      const edges = new LineSegments(keep(new EdgesGeometry(geometry)), edgeMaterial);
      edges.position.copy(mesh.position);
      root.add(mesh, edges);
      items.push({ seq: p.seq, mesh, edges, material });
    }

    const radius = Math.sqrt(W * W + L * L + H * H) / 2;
    const camera = new PerspectiveCamera(40, 1, radius / 50, radius * 40);
    const target = new Vector3(0, H / 2, 0);
    const distance = (radius / Math.sin(((40 / 2) * Math.PI) / 180)) * 1.05;
    camera.position.copy(target).add(new Vector3(0.9, 0.85, 1.25).normalize().multiplyScalar(distance));
    camera.lookAt(target);

    const controls = new OrbitControls(camera, renderer.domElement);
    controls.target.copy(target);
    controls.enableDamping = false;
    controls.minDistance = radius * 0.6;
    controls.maxDistance = radius * 8;
    controls.update();

    const render = () => renderer.render(world, camera);
    controls.addEventListener('change', render);

    const resize = () => {
      const width = el.clientWidth || 600;
      renderer.setSize(width, height, false);
      renderer.domElement.style.width = '100%';
      renderer.domElement.style.height = `${height}px`;
      camera.aspect = width / height;
      camera.updateProjectionMatrix();
      render();
    };
    const observer = new ResizeObserver(resize);
    observer.observe(el);
    resize();

    const ray = new Raycaster();
    const pointer = new Vector2();
    let last: number | null = null;
    const onMove = (e: PointerEvent) => {
      if (e.buttons) return;
      const rect = renderer.domElement.getBoundingClientRect();
      pointer.set(((e.clientX - rect.left) / rect.width) * 2 - 1, -((e.clientY - rect.top) / rect.height) * 2 + 1);
      ray.setFromCamera(pointer, camera);
      const hit = ray.intersectObjects(items.filter((i) => i.mesh.visible).map((i) => i.mesh), false)[0];
      const seq = hit ? (hit.object.userData.seq as number) : null;
      if (seq !== last) {
        last = seq;
        hover.current?.(seq);
      }
    };
    const onLeave = () => {
      if (last !== null) {
        last = null;
        hover.current?.(null);
      }
    };
    renderer.domElement.addEventListener('pointermove', onMove);
    renderer.domElement.addEventListener('pointerleave', onLeave);

    scene.current = { renderer, render, items };
    return () => {
      scene.current = null;
      observer.disconnect();
      renderer.domElement.removeEventListener('pointermove', onMove);
      renderer.domElement.removeEventListener('pointerleave', onLeave);
      controls.removeEventListener('change', render);
      controls.dispose();
      for (const d of disposables) d.dispose();
      renderer.dispose();
      renderer.forceContextLoss();
      renderer.domElement.remove();
    };
    // the scene is rebuilt only for another box; steps and highlight are applied below
  }, [box, colours, height]);

  useEffect(() => {
    const s = scene.current;
    if (!s) return;
    for (const it of s.items) {
      const visible = it.seq <= visibleUpTo;
      it.mesh.visible = visible;
      it.edges.visible = visible;
      const dim = highlight !== null && it.seq !== highlight;
      it.material.opacity = dim ? 0.22 : 1;
      it.material.depthWrite = !dim;
      it.material.emissive.setHex(it.seq === highlight ? 0x222222 : 0x000000);
    }
    s.render();
  }, [visibleUpTo, highlight, box, colours]);

  if (failed) {
    return (
      <div className="packing-view packing-view-failed" style={{ height }} data-testid="packing-view">
        <p className="muted">The 3D view needs WebGL, which this browser does not offer ({failed}). The packing list has every position.</p>
      </div>
    );
  }
  return <div ref={host} className="packing-view" style={{ height }} data-testid="packing-view" />;
}
