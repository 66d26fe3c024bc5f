"""The GM map: view, scene, menus, legend, deck tabs, labels, intents and token placement."""
