(function(){
var box=document.getElementById("filter");if(!box)return;box.hidden=false;
var fams=document.querySelectorAll("[data-search]");
box.querySelector("input").addEventListener("input",function(e){
var q=e.target.value.trim().toLowerCase();
fams.forEach(function(el){el.classList.toggle("hidden",q!==""&&el.getAttribute("data-search").indexOf(q)<0);});
});
})();
